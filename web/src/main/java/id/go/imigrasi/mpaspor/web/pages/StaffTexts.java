package id.go.imigrasi.mpaspor.web.pages;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import id.go.imigrasi.mpaspor.web.session.Visit;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/**
 * The texts of the office desk and the admin console ({@code messages/kantor.properties}, Bahasa Indonesia, and
 * {@code kantor_en.properties}; the bundle {@code kantor}, kept apart from the applicant site's {@code msg}) for
 * messages put together in Java.
 */
@ApplicationScoped
public class StaffTexts {

    private final Engine engine;
    private final Visit visit;
    private final Map<String, Template> texts = new ConcurrentHashMap<>();

    public StaffTexts(Engine engine, Visit visit) {
        this.engine = engine;
        this.visit = visit;
    }

    public String text(String key) {
        return render("kantor", key);
    }

    /** A text of the desk's own flows (bundle {@code desk}: walk-in, collective service, QR scanner). */
    public String desk(String key) {
        return render("desk", key);
    }

    private String render(String bundle, String key) {
        Template t = texts.computeIfAbsent(bundle + ":" + key, k -> engine.parse("{" + k + "}"));
        return t.instance().setLocale(Locale.forLanguageTag(visit.language())).render();
    }
}
