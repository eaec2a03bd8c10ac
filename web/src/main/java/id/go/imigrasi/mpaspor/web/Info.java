package id.go.imigrasi.mpaspor.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The public information pages' texts: the document advisor ({@code /requirements}) and the offices' hours and services: {@code messages/info.properties} (Bahasa Indonesia, the default) and
 * {@code messages/info_en.properties}; templates read them as {@code {info:key}}. One method per key, written by
 * {@code web/gen-bundles.py} from info.properties (the build fails when a file and this interface disagree).
 */
@MessageBundle(value = "info", locale = "id")
public interface Info {

    @Message
    String requirements_nav();

    @Message
    String requirements_title();

    @Message
    String requirements_lead();

    @Message
    String requirements_type();

    @Message
    String type_NEW();

    @Message
    String type_RENEWAL();

    @Message
    String type_NAME_CHANGE();

    @Message
    String type_LOST();

    @Message
    String type_DAMAGED();

    @Message
    String requirements_who();

    @Message
    String who_adult();

    @Message
    String who_minor();

    @Message
    String requirements_show();

    @Message
    String requirements_list();

    @Message
    String requirements_one_of();

    @Message
    String requirements_if_any();

    @Message
    String requirements_minor_validity();

    @Message
    String requirements_limits();

    @Message
    String requirements_at_office();

    @Message
    String requirements_bring();

    @Message
    String requirements_find_office();

    @Message
    String requirements_start();

    @Message
    String requirements_child_is();

    @Message
    String requirements_file_types();

    @Message
    String requirements_max_size();

    @Message
    String requirements_min_pixels();

    @Message
    String requirements_pixels();

    @Message
    String requirements_originals();

    @Message
    String hours_title();

    @Message
    String hours_caption();

    @Message
    String hours_day();

    @Message
    String hours_time();

    @Message
    String hours_closed();

    @Message
    String hours_today();

    @Message
    String hours_unknown();

    @Message
    String hours_week();

    @Message
    String office_open_now();

    @Message
    String office_closed_now();

    @Message
    String office_local_time();

    @Message
    String services_title();

    @Message
    String services_list();

    @Message
    String services_none();

    @Message
    String service_REGULAR();

    @Message
    String service_SAME_DAY();

    @Message
    String service_PRIORITY_WALK_IN();

    @Message
    String service_OTHER();

    @Message
    String service_short_REGULAR();

    @Message
    String service_short_SAME_DAY();

    @Message
    String service_short_PRIORITY_WALK_IN();

    @Message
    String service_short_OTHER();

    @Message
    String ready_expected();

    @Message
    String ready_same_day();

    @Message
    String status_nav();

    @Message
    String status_title();

    @Message
    String status_lead();

    @Message
    String status_number();

    @Message
    String status_number_hint();

    @Message
    String status_check();

    @Message
    String status_result();

    @Message
    String status_since();

    @Message
    String status_more();

    @Message
    String subscribe_title();

    @Message
    String subscribe_what();

    @Message
    String subscribe_button();

    @Message
    String subscribe_on();

    @Message
    String subscribe_stop();

    @Message
    String subscribe_stopped();

    @Message
    String subscribe_login();

    @Message
    String unsubscribe_title();

    @Message
    String unsubscribe_what();

    @Message
    String unsubscribe_button();

    @Message
    String unsubscribe_done();

    @Message
    String unsubscribe_unknown();

    @Message
    String unit_ULP();

    @Message
    String unit_MPP();

    @Message
    String unit_UKK();
}
