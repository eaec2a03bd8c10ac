package id.go.imigrasi.mpaspor.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * How the applicant is told (issue 22): the notification preferences and the proof of the mobile number ({@code /account/notifications}): {@code messages/notify.properties} (Bahasa Indonesia, the default) and
 * {@code messages/notify_en.properties}; templates read them as {@code {notify:key}}. One method per key, written by
 * {@code web/gen-bundles.py} from notify.properties (the build fails when a file and this interface disagree).
 */
@MessageBundle(value = "notify", locale = "id")
public interface NotifyMsg {

    @Message
    String nav();

    @Message
    String title();

    @Message
    String lead();

    @Message
    String channels_title();

    @Message
    String channels_legend();

    @Message
    String channel_EMAIL();

    @Message
    String channel_SMS();

    @Message
    String channel_WHATSAPP();

    @Message
    String channel_needs_phone();

    @Message
    String language_legend();

    @Message
    String language_id();

    @Message
    String language_en();

    @Message
    String save();

    @Message
    String saved();

    @Message
    String phone_title();

    @Message
    String phone_verified();

    @Message
    String phone_none();

    @Message
    String phone_label();

    @Message
    String phone_hint();

    @Message
    String phone_send();

    @Message
    String code_sent();

    @Message
    String code_label();

    @Message
    String code_submit();

    @Message
    String phone_done();
}
