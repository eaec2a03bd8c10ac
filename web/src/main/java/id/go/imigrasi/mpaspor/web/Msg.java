package id.go.imigrasi.mpaspor.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The website's texts: {@code messages/msg.properties} (Bahasa Indonesia, the default) and
 * {@code messages/msg_en.properties}; templates read them as {@code {msg:key}}. One method per key, written by
 * {@code web/gen-bundles.py} from msg.properties (the build fails when a file and this interface disagree).
 */
@MessageBundle(value = "msg", locale = "id")
public interface Msg {

    @Message
    String skip();

    @Message
    String nav_label();

    @Message
    String nav_offices();

    @Message
    String nav_applications();

    @Message
    String nav_password();

    @Message
    String nav_logout();

    @Message
    String nav_login();

    @Message
    String nav_register();

    @Message
    String footer();

    @Message
    String home_title();

    @Message
    String home_lead();

    @Message
    String home_step1();

    @Message
    String home_step2();

    @Message
    String home_step3();

    @Message
    String home_step4();

    @Message
    String home_start();

    @Message
    String home_continue();

    @Message
    String home_have_account();

    @Message
    String home_before();

    @Message
    String home_offices();

    @Message
    String busy_title();

    @Message
    String busy_text();

    @Message
    String busy_again();

    @Message
    String busy_seconds();

    @Message
    String busy_now();

    @Message
    String notfound_title();

    @Message
    String notfound_text();

    @Message
    String csrf_title();

    @Message
    String csrf_text();

    @Message
    String bad_title();

    @Message
    String bad_text();

    @Message
    String back_home();

    @Message
    String error_summary();

    @Message
    String form_busy();

    @Message
    String slot_applicants_wait();

    @Message
    String register_title();

    @Message
    String register_lead();

    @Message
    String register_name();

    @Message
    String register_email();

    @Message
    String register_email_hint();

    @Message
    String register_phone();

    @Message
    String register_phone_hint();

    @Message
    String register_password();

    @Message
    String register_password_hint();

    @Message
    String register_submit();

    @Message
    String verify_title();

    @Message
    String verify_lead();

    @Message
    String verify_otp();

    @Message
    String verify_otp_hint();

    @Message
    String verify_submit();

    @Message
    String verify_no_code();

    @Message
    String verify_resend_rules();

    @Message
    String verify_resend();

    @Message
    String verify_resent();

    @Message
    String login_title();

    @Message
    String login_verified();

    @Message
    String login_password();

    @Message
    String login_submit();

    @Message
    String login_forgot();

    @Message
    String login_no_account();

    @Message
    String forgot_title();

    @Message
    String forgot_lead();

    @Message
    String forgot_submit();

    @Message
    String reset_title();

    @Message
    String reset_lead();

    @Message
    String reset_new();

    @Message
    String reset_submit();

    @Message
    String change_title();

    @Message
    String change_current();

    @Message
    String change_submit();

    @Message
    String change_done();

    @Message
    String apps_title();

    @Message
    String apps_none();

    @Message
    String apps_applicants();

    @Message
    String apps_status();

    @Message
    String apps_open();

    @Message
    String apps_no_applicants();

    @Message
    String apps_new();

    @Message
    String app_title();

    @Message
    String app_applicants();

    @Message
    String app_minor();

    @Message
    String app_dukcapil();

    @Message
    String app_pending();

    @Message
    String app_edit();

    @Message
    String app_add();

    @Message
    String app_documents();

    @Message
    String app_to_documents();

    @Message
    String app_slot();

    @Message
    String app_to_office();

    @Message
    String app_to_bill();

    @Message
    String app_to_appointment();

    @Message
    String app_timeline();

    @Message
    String app_timeline_empty();

    @Message
    String app_cancel();

    @Message
    String app_cancel_text();

    @Message
    String back_application();

    @Message
    String applicant_title();

    @Message
    String applicant_edit();

    @Message
    String applicant_lead();

    @Message
    String applicant_name();

    @Message
    String applicant_name_hint();

    @Message
    String applicant_nik();

    @Message
    String applicant_nik_hint();

    @Message
    String applicant_birth();

    @Message
    String applicant_birth_hint();

    @Message
    String date_day();

    @Message
    String date_month();

    @Message
    String date_year();

    @Message
    String applicant_birth_place();

    @Message
    String applicant_sex();

    @Message
    String sex_FEMALE();

    @Message
    String sex_MALE();

    @Message
    String applicant_mother();

    @Message
    String applicant_address();

    @Message
    String applicant_questions();

    @Message
    String q_type();

    @Message
    String type_NEW();

    @Message
    String type_RENEWAL();

    @Message
    String type_NAME_CHANGE();

    @Message
    String q_kind();

    @Message
    String kind_ELECTRONIC();

    @Message
    String kind_ORDINARY();

    @Message
    String q_validity();

    @Message
    String validity_10();

    @Message
    String validity_5();

    @Message
    String q_same_day();

    @Message
    String q_purpose();

    @Message
    String applicant_save();

    @Message
    String applicant_save_add();

    @Message
    String docs_title();

    @Message
    String docs_lead();

    @Message
    String docs_limits();

    @Message
    String docs_document();

    @Message
    String docs_state();

    @Message
    String docs_optional();

    @Message
    String docs_ready();

    @Message
    String docs_upload();

    @Message
    String docs_noscript();

    @Message
    String docstate_MISSING();

    @Message
    String docstate_UPLOADED();

    @Message
    String docstate_ACCEPTED();

    @Message
    String docstate_REJECTED();

    @Message
    String doc_EKTP();

    @Message
    String doc_KK();

    @Message
    String doc_BIRTH_CERTIFICATE();

    @Message
    String doc_DIPLOMA();

    @Message
    String doc_MARRIAGE_BOOK();

    @Message
    String doc_BAPTISM_LETTER();

    @Message
    String doc_OLD_PASSPORT();

    @Message
    String doc_NAME_CHANGE_ORDER();

    @Message
    String doc_FATHER_EKTP();

    @Message
    String doc_MOTHER_EKTP();

    @Message
    String doc_PARENTS_MARRIAGE_BOOK();

    @Message
    String doc_PARENTS_PASSPORT();

    @Message
    String doc_PARENTAL_STATEMENT();

    @Message
    String doc_PROOF_OF_BIRTH_DATA();

    @Message
    String up_replace();

    @Message
    String up_which();

    @Message
    String up_file();

    @Message
    String up_hint();

    @Message
    String up_progress_label();

    @Message
    String up_send();

    @Message
    String up_pause();

    @Message
    String up_resume();

    @Message
    String up_choose();

    @Message
    String up_type();

    @Message
    String up_size();

    @Message
    String up_progress();

    @Message
    String up_paused();

    @Message
    String up_resuming();

    @Message
    String up_resumed();

    @Message
    String up_busy();

    @Message
    String up_preparing();

    @Message
    String up_offline();

    @Message
    String up_failed();

    @Message
    String up_done();

    @Message
    String up_resend();

    @Message
    String up_resend_why();

    @Message
    String office_title();

    @Message
    String office_city();

    @Message
    String office_city_hint();

    @Message
    String office_search();

    @Message
    String office_locate();

    @Message
    String office_choose();

    @Message
    String office_next();

    @Message
    String office_calendar();

    @Message
    String calendar_title();

    @Message
    String calendar_left();

    @Message
    String calendar_empty();

    @Message
    String session_MORNING();

    @Message
    String session_AFTERNOON();

    @Message
    String slot_AVAILABLE();

    @Message
    String slot_FULL();

    @Message
    String slot_CLOSED();

    @Message
    String slot_NOT_RELEASED();

    @Message
    String slot_title();

    @Message
    String slot_places();

    @Message
    String slot_choose_legend();

    @Message
    String slot_choose();

    @Message
    String slot_full();

    @Message
    String slot_hold();

    @Message
    String submit_title();

    @Message
    String submit_held();

    @Message
    String submit_until();

    @Message
    String submit_office();

    @Message
    String submit_date();

    @Message
    String submit_text();

    @Message
    String submit_button();

    @Message
    String submit_other();

    @Message
    String bill_title();

    @Message
    String bill_preparing();

    @Message
    String bill_paid();

    @Message
    String bill_expired();

    @Message
    String bill_unpaid();

    @Message
    String bill_checking();

    @Message
    String bill_code();

    @Message
    String bill_copy();

    @Message
    String bill_copied();

    @Message
    String bill_amount();

    @Message
    String bill_deadline();

    @Message
    String bill_time_left();

    @Message
    String bill_paid_at();

    @Message
    String bill_invoice();

    @Message
    String bill_lines();

    @Message
    String bill_how();

    @Message
    String channel_bank_teller();

    @Message
    String channel_bank_teller_how();

    @Message
    String channel_atm();

    @Message
    String channel_atm_how();

    @Message
    String channel_internet_banking();

    @Message
    String channel_internet_banking_how();

    @Message
    String channel_post_office();

    @Message
    String channel_post_office_how();

    @Message
    String channel_indomaret();

    @Message
    String channel_indomaret_how();

    @Message
    String channel_alfamart();

    @Message
    String channel_alfamart_how();

    @Message
    String channel_marketplace();

    @Message
    String channel_marketplace_how();

    @Message
    String appt_title();

    @Message
    String appt_preparing();

    @Message
    String appt_qr();

    @Message
    String appt_code();

    @Message
    String appt_moved();

    @Message
    String appt_cancel();

    @Message
    String appt_cancel_text();

    @Message
    String resched_title();

    @Message
    String resched_rules();

    @Message
    String resched_used();

    @Message
    String resched_submit();

    @Message
    String status_DRAFT();

    @Message
    String status_SUBMITTED();

    @Message
    String status_AWAITING_PAYMENT();

    @Message
    String status_PAID();

    @Message
    String status_BOOKED();

    @Message
    String status_APPOINTMENT_SCHEDULED();

    @Message
    String status_IN_PROCESS();

    @Message
    String status_APPROVED();

    @Message
    String status_ISSUED();

    @Message
    String status_DELIVERED();

    @Message
    String status_REJECTED();

    @Message
    String status_EXPIRED();

    @Message
    String status_CANCELLED();

    @Message
    String event_DOCUMENT_UPLOADED();

    @Message
    String event_DOCUMENT_ACCEPTED();

    @Message
    String event_DOCUMENT_REJECTED();

    @Message
    String event_HOLD_EXTENDED();

    @Message
    String event_BOOKING_RESCHEDULED();

    @Message
    String event_APPOINTMENT_MOVED();

    @Message
    String event_DOCUMENT_READ();

    @Message
    String event_BIOMETRICS_READ();

    @Message
    String event_OTHER();

    @Message
    String verification_VERIFIED();

    @Message
    String verification_VERIFICATION_PENDING();

    @Message
    String verification_NOT_REGISTERED();

    @Message
    String verification_MISMATCH();

    @Message
    String fees_title();

    @Message
    String fees_lead();

    @Message
    String fees_list();

    @Message
    String fees_minor_rule();

    @Message
    String fees_years();

    @Message
    String fees_calculate();

    @Message
    String fees_quote();

    @Message
    String fees_total();

    @Message
    String fees_per_person();

    @Message
    String home_fees();

    @Message
    String doc_POLICE_REPORT_OF_LOSS();

    @Message
    String doc_DAMAGED_PASSPORT();

    @Message
    String up_sent();

    @Message
    String up_sent_reload();

    @Message
    String up_sent_late();
}
