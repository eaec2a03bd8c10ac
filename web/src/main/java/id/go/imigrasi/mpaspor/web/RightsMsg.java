package id.go.imigrasi.mpaspor.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The pages of the data subject's rights (issue 23): {@code /account/data}, erasure and export: {@code messages/rights.properties} (Bahasa Indonesia, the default) and
 * {@code messages/rights_en.properties}; templates read them as {@code {rights:key}}. One method per key, written by
 * {@code web/gen-bundles.py} from rights.properties (the build fails when a file and this interface disagree).
 */
@MessageBundle(value = "rights", locale = "id")
public interface RightsMsg {

    @Message
    String nav();

    @Message
    String title();

    @Message
    String lead();

    @Message
    String erase_title();

    @Message
    String erase_what();

    @Message
    String erase_kept();

    @Message
    String erase_in_progress();

    @Message
    String erase_final();

    @Message
    String erase_open();

    @Message
    String erase_confirm_title();

    @Message
    String erase_confirm_lead();

    @Message
    String erase_submit();

    @Message
    String erased_title();

    @Message
    String erased_body();

    @Message
    String erased_home();
}
