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
}
