package id.go.imigrasi.mpaspor.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The office desk's own flows (issue 19): the QR scanner, walk-in registration ({@code /kantor/walk-in}) and the collective service ({@code /kantor/collective}): {@code messages/desk.properties} (Bahasa Indonesia, the default) and
 * {@code messages/desk_en.properties}; templates read them as {@code {desk:key}}. One method per key, written by
 * {@code web/gen-bundles.py} from desk.properties (the build fails when a file and this interface disagree).
 */
@MessageBundle(value = "desk", locale = "id")
public interface DeskMsg {

    @Message
    String scan_open();

    @Message
    String scan_close();

    @Message
    String scan_video();

    @Message
    String scan_starting();

    @Message
    String scan_looking();

    @Message
    String scan_read();

    @Message
    String scan_sending();

    @Message
    String scan_not_code();

    @Message
    String scan_denied();

    @Message
    String scan_no_camera();

    @Message
    String scan_closed();

    @Message
    String collective_link();

    @Message
    String collective_title();

    @Message
    String collective_hint();

    @Message
    String collective_organisation();

    @Message
    String collective_contact_name();

    @Message
    String collective_contact_email();

    @Message
    String collective_contact_phone();

    @Message
    String collective_date();

    @Message
    String collective_session();

    @Message
    String collective_passport_kind();

    @Message
    String collective_kind_ORDINARY();

    @Message
    String collective_kind_ELECTRONIC();

    @Message
    String collective_validity();

    @Message
    String collective_purpose();

    @Message
    String collective_authority();

    @Message
    String collective_authority_AUTHORISED();

    @Message
    String collective_authority_PARENT();

    @Message
    String collective_authority_GUARDIAN();

    @Message
    String collective_authority_SELF();

    @Message
    String collective_members();

    @Message
    String collective_members_hint();

    @Message
    String collective_members_errors();

    @Message
    String collective_line();

    @Message
    String collective_submit();

    @Message
    String collective_batch_title();

    @Message
    String collective_refresh();

    @Message
    String collective_reason();

    @Message
    String collective_remaining();

    @Message
    String collective_col_position();

    @Message
    String collective_col_nik();

    @Message
    String collective_col_state();

    @Message
    String collective_col_application();

    @Message
    String collective_new();

    @Message
    String collective_state_CHECKING();

    @Message
    String collective_state_VERIFIED();

    @Message
    String collective_state_REGISTERED();

    @Message
    String collective_state_PARTLY_REGISTERED();

    @Message
    String collective_state_REFUSED();

    @Message
    String nav_walkin();

    @Message
    String walkin_title();

    @Message
    String walkin_lead();

    @Message
    String walkin_name();

    @Message
    String walkin_email();

    @Message
    String walkin_phone();

    @Message
    String walkin_language();

    @Message
    String walkin_notice_link();

    @Message
    String walkin_notice_label();

    @Message
    String walkin_submit();

    @Message
    String walkin_banner_label();

    @Message
    String walkin_banner();

    @Message
    String walkin_end();
}
