package id.go.imigrasi.mpaspor.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The privacy notice ({@code /privasi}), its acceptance, the registration's consent and the applicant form's declaration of authority (issue 23): {@code messages/privacy.properties} (Bahasa Indonesia, the default) and
 * {@code messages/privacy_en.properties}; templates read them as {@code {privacy:key}}. One method per key, written by
 * {@code web/gen-bundles.py} from privacy.properties (the build fails when a file and this interface disagree).
 */
@MessageBundle(value = "privacy", locale = "id")
public interface PrivacyMsg {

    @Message
    String privacy_title();

    @Message
    String privacy_nav();

    @Message
    String privacy_lead();

    @Message
    String privacy_version();

    @Message
    String privacy_controller_h();

    @Message
    String privacy_controller();

    @Message
    String privacy_purpose_h();

    @Message
    String privacy_purpose_account();

    @Message
    String privacy_purpose_application();

    @Message
    String privacy_purpose_billing();

    @Message
    String privacy_purpose_office();

    @Message
    String privacy_data_h();

    @Message
    String privacy_data_identity();

    @Message
    String privacy_data_documents();

    @Message
    String privacy_data_biometric();

    @Message
    String privacy_data_children();

    @Message
    String privacy_data_questionnaire();

    @Message
    String privacy_recipients_h();

    @Message
    String privacy_recipients_officers();

    @Message
    String privacy_recipients_dukcapil();

    @Message
    String privacy_recipients_payment();

    @Message
    String privacy_recipients_none();

    @Message
    String privacy_retention_h();

    @Message
    String privacy_retention_account();

    @Message
    String privacy_retention_application();

    @Message
    String privacy_retention_billing();

    @Message
    String privacy_retention_mail();

    @Message
    String privacy_rights_h();

    @Message
    String privacy_rights_access();

    @Message
    String privacy_rights_correction();

    @Message
    String privacy_rights_erasure();

    @Message
    String privacy_rights_restrict();

    @Message
    String privacy_rights_withdraw();

    @Message
    String privacy_how_h();

    @Message
    String privacy_how_account();

    @Message
    String privacy_how_email();

    @Message
    String privacy_how_answer();

    @Message
    String privacy_accept_title();

    @Message
    String privacy_accept_lead();

    @Message
    String privacy_accept_button();

    @Message
    String privacy_accept_stale();

    @Message
    String privacy_register_label();

    @Message
    String privacy_register_link();

    @Message
    String privacy_register_missing();

    @Message
    String authority_legend();

    @Message
    String authority_hint();

    @Message
    String authority_SELF();

    @Message
    String authority_PARENT();

    @Message
    String authority_GUARDIAN();

    @Message
    String authority_AUTHORISED();

    @Message
    String authority_shown();
}
