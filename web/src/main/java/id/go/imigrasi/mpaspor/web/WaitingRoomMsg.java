package id.go.imigrasi.mpaspor.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The waiting room's texts (issue 17): {@code messages/wr.properties} (Bahasa Indonesia, the default) and
 * {@code messages/wr_en.properties}; templates read them as {@code {wr:key}}. One method per key, written by
 * {@code web/gen-bundles.py} from wr.properties (the build fails when a file and this interface disagree).
 */
@MessageBundle(value = "wr", locale = "id")
public interface WaitingRoomMsg {

    @Message
    String wr_title();

    @Message
    String wr_intro();

    @Message
    String wr_office();

    @Message
    String wr_dates();

    @Message
    String wr_release_at();

    @Message
    String wr_opens_at();

    @Message
    String wr_not_open();

    @Message
    String wr_join_heading();

    @Message
    String wr_join_text();

    @Message
    String wr_join();

    @Message
    String wr_join_again_text();

    @Message
    String wr_join_again();

    @Message
    String wr_join_working();

    @Message
    String wr_nojs_heading();

    @Message
    String wr_nojs_text();

    @Message
    String wr_nojs_link();

    @Message
    String wr_puzzle_title();

    @Message
    String wr_puzzle_text();

    @Message
    String wr_puzzle_salt();

    @Message
    String wr_puzzle_challenge();

    @Message
    String wr_puzzle_max();

    @Message
    String wr_puzzle_number();

    @Message
    String wr_puzzle_number_hint();

    @Message
    String wr_puzzle_expires();

    @Message
    String wr_puzzle_invalid();

    @Message
    String wr_placing();

    @Message
    String wr_pre_queue();

    @Message
    String wr_position();

    @Message
    String wr_ahead();

    @Message
    String wr_wait();

    @Message
    String wr_wait_unknown();

    @Message
    String wr_minutes();

    @Message
    String wr_less_minute();

    @Message
    String wr_places_left();

    @Message
    String wr_queued();

    @Message
    String wr_keep();

    @Message
    String wr_updated();

    @Message
    String wr_refresh_note();

    @Message
    String wr_seconds();

    @Message
    String wr_admitted();

    @Message
    String wr_continue();

    @Message
    String wr_sold_out();

    @Message
    String wr_next_release();

    @Message
    String wr_next_unknown();

    @Message
    String wr_closed();

    @Message
    String wr_to_slots();

    @Message
    String wr_ticket_lost();

    @Message
    String wr_banner();

    @Message
    String wr_banner_link();

    @Message
    String wr_pass();

    @Message
    String wr_pass_left();

    @Message
    String wr_altcha_label();

    @Message
    String wr_altcha_verifying();

    @Message
    String wr_altcha_verified();

    @Message
    String wr_altcha_error();

    @Message
    String wr_altcha_expired();

    @Message
    String wr_live();
}
