package id.go.imigrasi.mpaspor.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The helpdesk, the application's mails and texts, corrections after submission and refunds (issue 22): the applicant's pages, the office's queue ({@code /kantor/tickets}) and finance's refunds ({@code /admin/refunds}): {@code messages/help.properties} (Bahasa Indonesia, the default) and
 * {@code messages/help_en.properties}; templates read them as {@code {help:key}}. One method per key, written by
 * {@code web/gen-bundles.py} from help.properties (the build fails when a file and this interface disagree).
 */
@MessageBundle(value = "help", locale = "id")
public interface HelpMsg {

    @Message
    String help_title();

    @Message
    String help_intro();

    @Message
    String help_none();

    @Message
    String help_open();

    @Message
    String help_tickets_caption();

    @Message
    String help_mails();

    @Message
    String help_correct();

    @Message
    String col_subject();

    @Message
    String col_category();

    @Message
    String col_state();

    @Message
    String col_updated();

    @Message
    String col_application();

    @Message
    String col_opened();

    @Message
    String category_PAYMENT();

    @Message
    String category_DOCUMENT();

    @Message
    String category_APPOINTMENT();

    @Message
    String category_DATA_CORRECTION();

    @Message
    String category_PASSPORT_DELIVERY();

    @Message
    String category_OTHER();

    @Message
    String ticket_state_OPEN();

    @Message
    String ticket_state_ANSWERED();

    @Message
    String ticket_state_CLOSED();

    @Message
    String ticket_state_OTHER();

    @Message
    String author_APPLICANT();

    @Message
    String author_OFFICER();

    @Message
    String author_ADMIN();

    @Message
    String author_OTHER();

    @Message
    String new_title();

    @Message
    String new_lead();

    @Message
    String category_label();

    @Message
    String category_choose();

    @Message
    String subject_label();

    @Message
    String subject_hint();

    @Message
    String message_label();

    @Message
    String message_hint();

    @Message
    String new_submit();

    @Message
    String ticket_title();

    @Message
    String ticket_opened();

    @Message
    String ticket_sent();

    @Message
    String ticket_closed_now();

    @Message
    String ticket_messages();

    @Message
    String ticket_assisted();

    @Message
    String ticket_attachments();

    @Message
    String ticket_reply();

    @Message
    String ticket_answer();

    @Message
    String ticket_reply_submit();

    @Message
    String ticket_close();

    @Message
    String ticket_close_hint();

    @Message
    String ticket_reopen_until();

    @Message
    String ticket_back_desk();

    @Message
    String mails_title();

    @Message
    String mails_lead();

    @Message
    String mails_none();

    @Message
    String mails_caption();

    @Message
    String col_kind();

    @Message
    String col_channel();

    @Message
    String col_to();

    @Message
    String col_queued();

    @Message
    String col_sent();

    @Message
    String col_action();

    @Message
    String mail_kind_BILLING_ISSUED();

    @Message
    String mail_kind_BILLING_EXPIRED();

    @Message
    String mail_kind_DOCUMENT_REJECTED();

    @Message
    String mail_kind_APPOINTMENT_SCHEDULED();

    @Message
    String mail_kind_APPLICATION_APPROVED();

    @Message
    String mail_kind_NIK_NOT_VERIFIED();

    @Message
    String mail_kind_WAITING_ROOM_TURN();

    @Message
    String mail_kind_TICKET_ANSWERED();

    @Message
    String mail_kind_OTHER();

    @Message
    String mail_channel_EMAIL();

    @Message
    String mail_channel_SMS();

    @Message
    String mail_channel_WHATSAPP();

    @Message
    String mail_channel_OTHER();

    @Message
    String mail_state_QUEUED();

    @Message
    String mail_state_SENT();

    @Message
    String mail_state_FAILED();

    @Message
    String mail_state_OTHER();

    @Message
    String mail_copy();

    @Message
    String mail_delivered();

    @Message
    String mails_resend();

    @Message
    String mails_resent();

    @Message
    String mails_resend_wait();

    @Message
    String seconds();

    @Message
    String corr_title();

    @Message
    String corr_lead();

    @Message
    String corr_reason();

    @Message
    String corr_reason_hint();

    @Message
    String corr_submit();

    @Message
    String corr_saved();

    @Message
    String corr_nothing();

    @Message
    String corr_at_office();

    @Message
    String corr_draft();

    @Message
    String corr_checked_in();

    @Message
    String corr_finished();

    @Message
    String corr_history();

    @Message
    String corr_history_none();

    @Message
    String col_when();

    @Message
    String col_field();

    @Message
    String col_old();

    @Message
    String col_new();

    @Message
    String col_reason();

    @Message
    String col_by();

    @Message
    String field_address();

    @Message
    String field_phone();

    @Message
    String field_travelPurpose();

    @Message
    String field_OTHER();

    @Message
    String refunds_title();

    @Message
    String refunds_lead();

    @Message
    String col_amount();

    @Message
    String col_reference();

    @Message
    String refund_state_REQUESTED();

    @Message
    String refund_state_APPROVED();

    @Message
    String refund_state_PAID();

    @Message
    String refund_state_REJECTED();

    @Message
    String refund_state_OTHER();

    @Message
    String refund_reason_LATE();

    @Message
    String refund_reason_ALREADY_PAID();

    @Message
    String refund_reason_CANCELLED();

    @Message
    String refund_reason_CANCELLED_AFTER_PAYMENT();

    @Message
    String refund_reason_OTHER();

    @Message
    String refund_rejected_because();

    @Message
    String nav_tickets();

    @Message
    String nav_refunds();

    @Message
    String desk_title();

    @Message
    String desk_lead();

    @Message
    String desk_state_label();

    @Message
    String desk_show();

    @Message
    String desk_none();

    @Message
    String desk_open_ticket();

    @Message
    String admin_lead();

    @Message
    String admin_state_all();

    @Message
    String admin_date_label();

    @Message
    String admin_show();

    @Message
    String admin_none();

    @Message
    String col_billing_code();

    @Message
    String col_requested();

    @Message
    String admin_approve();

    @Message
    String admin_reject();

    @Message
    String admin_reject_reason();

    @Message
    String admin_done_approved();

    @Message
    String admin_done_rejected();

    @Message
    String report_title();

    @Message
    String report_date();

    @Message
    String report_show();

    @Message
    String report_caption();

    @Message
    String col_move();

    @Message
    String col_count();

    @Message
    String report_requested();

    @Message
    String report_approved();

    @Message
    String report_rejected();

    @Message
    String report_paid();

    @Message
    String report_unmatched();

    @Message
    String report_unmatched_none();

    @Message
    String report_unmatched_total();

    @Message
    String event_TICKET_OPENED();

    @Message
    String event_TICKET_ANSWERED();

    @Message
    String event_TICKET_REPLIED();

    @Message
    String event_TICKET_CLOSED();

    @Message
    String event_TICKET_REOPENED();

    @Message
    String event_APPLICANT_DATA_CORRECTED();

    @Message
    String event_MAIL_RESENT();

    @Message
    String event_LATE_PAYMENT_RECEIVED();

    @Message
    String event_REFUND_REQUESTED();

    @Message
    String event_REFUND_APPROVED();

    @Message
    String event_REFUND_REJECTED();

    @Message
    String event_REFUND_PAID();

    @Message
    String event_NO_SHOW();
}
