package id.go.imigrasi.mpaspor.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * The texts a service answers with: its own bundle first, then the platform's, Indonesian unless English is asked
 * for; the bundles of a language are looked up once and then kept (issue 20), with the same answers as before.
 */
class MessagesTest {

    private final Messages messages = new Messages();

    @Test
    void theServicesOwnBundleComesFirstThenThePlatformsInEitherLanguage() {
        assertThat(messages.find(Messages.INDONESIAN, "problem.quota-full.title")).contains("Kuota penuh");
        assertThat(messages.find(Locale.ENGLISH, "problem.quota-full.title")).contains("Quota full");
        assertThat(messages.find(Messages.INDONESIAN, "problem.unauthorized.title")).contains("Perlu masuk");
        assertThat(messages.find(Locale.ENGLISH, "problem.unauthorized.title")).contains("Sign-in required");
        assertThat(messages.get(Locale.ENGLISH, "problem.quota-full.detail", "MORNING", "2027-01-04"))
                .isEqualTo("The MORNING quota on 2027-01-04 is used up. Please choose another date.");
        assertThat(messages.find(Locale.ENGLISH, "no.such.key")).isEmpty();
        assertThat(messages.get(Locale.ENGLISH, "no.such.key")).isEqualTo("no.such.key");
    }

    @Test
    void theSameAnswersEveryTimeAndForLanguagesBeyondThoseKept() {
        for (int round = 0; round < 3; round++) {
            assertThat(messages.find(Locale.ENGLISH, "problem.quota-full.title")).contains("Quota full");
            assertThat(messages.find(Messages.INDONESIAN, "nik.birth-date-mismatch"))
                    .contains("tanggal lahir tidak sesuai dengan NIK");
        }
        // more languages than are kept: each one without a bundle of its own reads the base (Indonesian) texts
        for (String tag : new String[] { "fr", "de", "ja", "ko", "nl", "pt", "ru", "zh", "ar", "th", "ms" }) {
            assertThat(messages.find(Locale.forLanguageTag(tag), "problem.quota-full.title")).as(tag)
                    .contains("Kuota penuh");
            assertThat(messages.find(Locale.forLanguageTag(tag), "problem.unauthorized.title")).as(tag)
                    .contains("Perlu masuk");
        }
        assertThat(messages.find(Locale.ENGLISH, "problem.unauthorized.title")).contains("Sign-in required");
    }
}
