package id.go.imigrasi.mpaspor.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the office desk ({@code /kantor}) and the admin console ({@code /admin}): {@code messages/kantor.properties} (Bahasa Indonesia, the default) and
 * {@code messages/kantor_en.properties}; templates read them as {@code {kantor:key}}. One method per key, written by
 * {@code web/gen-bundles.py} from kantor.properties (the build fails when a file and this interface disagree).
 */
@MessageBundle(value = "kantor", locale = "id")
public interface Kantor {

    @Message
    String staff_nav();

    @Message
    String nav_kantor();

    @Message
    String nav_admin();

    @Message
    String nav_audit();

    @Message
    String office();

    @Message
    String refused_title();

    @Message
    String refused_officer();

    @Message
    String refused_admin();

    @Message
    String day_title();

    @Message
    String day_other();

    @Message
    String day_show();

    @Message
    String day_total();

    @Message
    String day_none();

    @Message
    String checkin_title();

    @Message
    String checkin_hint();

    @Message
    String checkin_code();

    @Message
    String checkin_nik();

    @Message
    String checkin_submit();

    @Message
    String checkin_nik_mismatch();

    @Message
    String col_code();

    @Message
    String col_name();

    @Message
    String col_status();

    @Message
    String session_MORNING();

    @Message
    String session_AFTERNOON();

    @Message
    String status_SCHEDULED();

    @Message
    String status_CHECKED_IN();

    @Message
    String status_INTERVIEWED();

    @Message
    String status_CAPTURED();

    @Message
    String status_APPROVED();

    @Message
    String status_REJECTED();

    @Message
    String status_ISSUED();

    @Message
    String status_IN_DELIVERY();

    @Message
    String status_DELIVERED();

    @Message
    String status_COLLECTED();

    @Message
    String status_NO_SHOW();

    @Message
    String status_CANCELLED();

    @Message
    String status_UNCOLLECTED();

    @Message
    String appt_title();

    @Message
    String back_day();

    @Message
    String appt_when();

    @Message
    String appt_passport();

    @Message
    String years();

    @Message
    String appt_checked_in();

    @Message
    String appt_interview();

    @Message
    String appt_passport_number();

    @Message
    String appt_reason();

    @Message
    String appt_collect_before();

    @Message
    String appt_handover();

    @Message
    String tracking();

    @Message
    String pos_status();

    @Message
    String done_checkin();

    @Message
    String done_interview();

    @Message
    String done_face();

    @Message
    String done_fingers();

    @Message
    String done_exception();

    @Message
    String done_decision();

    @Message
    String done_issuance();

    @Message
    String done_pickup();

    @Message
    String done_delivery();

    @Message
    String interview_title();

    @Message
    String interview_hint();

    @Message
    String interview_outcome();

    @Message
    String outcome_VERIFIED();

    @Message
    String outcome_REJECTED();

    @Message
    String reason();

    @Message
    String reason_if_rejected();

    @Message
    String interview_submit();

    @Message
    String capture_title();

    @Message
    String face();

    @Message
    String score();

    @Message
    String attempts();

    @Message
    String quality();

    @Message
    String passed();

    @Message
    String not_passed();

    @Message
    String finger();

    @Message
    String exception();

    @Message
    String fstate_PENDING();

    @Message
    String fstate_RETRY();

    @Message
    String fstate_PASSED();

    @Message
    String fstate_EXCEPTION_REQUIRED();

    @Message
    String fstate_EXCEPTION();

    @Message
    String finger_RIGHT_THUMB();

    @Message
    String finger_RIGHT_INDEX();

    @Message
    String finger_RIGHT_MIDDLE();

    @Message
    String finger_RIGHT_RING();

    @Message
    String finger_RIGHT_LITTLE();

    @Message
    String finger_LEFT_THUMB();

    @Message
    String finger_LEFT_INDEX();

    @Message
    String finger_LEFT_MIDDLE();

    @Message
    String finger_LEFT_RING();

    @Message
    String finger_LEFT_LITTLE();

    @Message
    String face_form();

    @Message
    String face_score();

    @Message
    String face_icao();

    @Message
    String record();

    @Message
    String fingers_form();

    @Message
    String fingers_hint();

    @Message
    String exception_form();

    @Message
    String exception_hint();

    @Message
    String exception_kind();

    @Message
    String exc_INJURED();

    @Message
    String exc_AMPUTATED();

    @Message
    String exc_UNREADABLE();

    @Message
    String record_exception();

    @Message
    String exception_finger_missing();

    @Message
    String decision_title();

    @Message
    String decision_capture_first();

    @Message
    String verdict_APPROVE();

    @Message
    String verdict_REJECT();

    @Message
    String decision_submit();

    @Message
    String reject_submit();

    @Message
    String issuance_title();

    @Message
    String issuance_hint();

    @Message
    String issuance_submit();

    @Message
    String pickup_title();

    @Message
    String pickup_hint();

    @Message
    String pickup_by();

    @Message
    String collector_APPLICANT();

    @Message
    String collector_FAMILY_MEMBER();

    @Message
    String pickup_nik();

    @Message
    String pickup_name();

    @Message
    String pickup_kk();

    @Message
    String pickup_applicant_kk();

    @Message
    String pickup_submit();

    @Message
    String handover_PICKUP();

    @Message
    String handover_POS();

    @Message
    String delivery_title();

    @Message
    String delivery_name();

    @Message
    String delivery_address();

    @Message
    String delivery_postal();

    @Message
    String delivery_phone();

    @Message
    String delivery_submit();

    @Message
    String admin_title();

    @Message
    String admin_intro();

    @Message
    String admin_offices();

    @Message
    String admin_office_name();

    @Message
    String admin_city();

    @Message
    String admin_back();

    @Message
    String audit_title();

    @Message
    String audit_intro();

    @Message
    String audit_all();

    @Message
    String audit_none();

    @Message
    String audit_caption();

    @Message
    String audit_when();

    @Message
    String audit_who();

    @Message
    String audit_what();

    @Message
    String audit_detail();

    @Message
    String audit_AssistedRegistration();

    @Message
    String audit_OfficerCreated();

    @Message
    String audit_OfficerDisabled();

    @Message
    String audit_OfficerMoved();

    @Message
    String audit_RULES_REPLACED();

    @Message
    String audit_CLOSED();

    @Message
    String audit_REOPENED();

    @Message
    String audit_RELEASED();

    @Message
    String audit_CHECKED_IN();

    @Message
    String audit_INTERVIEW_VERIFIED();

    @Message
    String audit_INTERVIEW_REJECTED();

    @Message
    String audit_FACE_CAPTURED();

    @Message
    String audit_FINGERS_CAPTURED();

    @Message
    String audit_FINGER_EXCEPTION();

    @Message
    String audit_APPROVED();

    @Message
    String audit_REJECTED();

    @Message
    String audit_PASSPORT_ISSUED();

    @Message
    String audit_PASSPORT_COLLECTED();

    @Message
    String audit_HANDED_TO_POS();

    @Message
    String audit_RESULTS_READ();

    @Message
    String officers_title();

    @Message
    String officers_none();

    @Message
    String officers_actions();

    @Message
    String officer_email();

    @Message
    String account_ACTIVE();

    @Message
    String account_DISABLED();

    @Message
    String account_PENDING_VERIFICATION();

    @Message
    String officer_disable();

    @Message
    String officer_move_to();

    @Message
    String officer_move();

    @Message
    String officer_new();

    @Message
    String officer_name();

    @Message
    String officer_phone();

    @Message
    String officer_password();

    @Message
    String officer_create();

    @Message
    String rules_title();

    @Message
    String rules_default();

    @Message
    String rules_weekday();

    @Message
    String rules_service();

    @Message
    String rules_session();

    @Message
    String rules_capacity();

    @Message
    String rules_weekdays();

    @Message
    String rules_hint();

    @Message
    String rules_save();

    @Message
    String weekday_1();

    @Message
    String weekday_2();

    @Message
    String weekday_3();

    @Message
    String weekday_4();

    @Message
    String weekday_5();

    @Message
    String weekday_6();

    @Message
    String weekday_7();

    @Message
    String service_REGULAR();

    @Message
    String service_SAME_DAY();

    @Message
    String service_PRIORITY_WALK_IN();

    @Message
    String service_REGULAR_MORNING();

    @Message
    String service_REGULAR_AFTERNOON();

    @Message
    String service_SAME_DAY_MORNING();

    @Message
    String service_SAME_DAY_AFTERNOON();

    @Message
    String service_PRIORITY_WALK_IN_MORNING();

    @Message
    String service_PRIORITY_WALK_IN_AFTERNOON();

    @Message
    String releases_title();

    @Message
    String releases_dates();

    @Message
    String releases_at();

    @Message
    String releases_slots();

    @Message
    String releases_published();

    @Message
    String releases_waiting();

    @Message
    String releases_from();

    @Message
    String releases_to();

    @Message
    String releases_at_input();

    @Message
    String releases_submit();

    @Message
    String release_at_invalid();

    @Message
    String closures_title();

    @Message
    String closures_date();

    @Message
    String closures_scope();

    @Message
    String closures_reopen();

    @Message
    String closures_submit();

    @Message
    String scope_ALL();

    @Message
    String scope_E_PASSPORT();

    @Message
    String done_officers();

    @Message
    String done_disable();

    @Message
    String done_move();

    @Message
    String done_rules();

    @Message
    String done_releases();

    @Message
    String done_closures();

    @Message
    String done_reopen();

    @Message
    String documents_title();

    @Message
    String documents_hint();

    @Message
    String search_title();

    @Message
    String search_label();

    @Message
    String search_hint();

    @Message
    String search_submit();

    @Message
    String search_none();

    @Message
    String col_date();
}
