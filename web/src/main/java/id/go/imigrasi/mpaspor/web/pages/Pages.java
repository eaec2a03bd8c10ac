package id.go.imigrasi.mpaspor.web.pages;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.web.WebConfig;
import id.go.imigrasi.mpaspor.web.assets.Assets;
import id.go.imigrasi.mpaspor.web.session.Visit;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** Renders a page: the template with the visitor (language, CSRF token, login) and the assets. */
@ApplicationScoped
public class Pages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Engine engine;
    private final Visit visit;
    private final Assets assets;
    private final WebConfig config;
    private final Map<String, Template> messages = new java.util.concurrent.ConcurrentHashMap<>();

    public Pages(Engine engine, Visit visit, Assets assets, WebConfig config) {
        this.engine = engine;
        this.visit = visit;
        this.assets = assets;
        this.config = config;
    }

    public TemplateInstance page(String template) {
        return engine.getTemplate(template).instance()
                .data("visit", visit)
                .data("assets", assets)
                .data("poll", config.pollSeconds())
                .setLocale(Locale.forLanguageTag(visit.language()));
    }

    /**
     * A part of a page rendered away from the visitor's request (a Server-Sent Event): no visitor, only the language.
     */
    public TemplateInstance detached(String template, String language) {
        return engine.getTemplate(template).instance().data("assets", assets).data("poll", config.pollSeconds())
                .setLocale(Locale.forLanguageTag(language));
    }

    /** One text of the message bundle in the visitor's language (for messages put together in Java). */
    public String message(String key) {
        Template t = messages.computeIfAbsent(key, k -> engine.parse("{msg:" + k + "}"));
        return t.instance().setLocale(Locale.forLanguageTag(visit.language())).render();
    }

    /** One text of another message bundle ({@code wr}: the waiting room's) in the visitor's language. */
    public String message(String bundle, String key) {
        Template t = messages.computeIfAbsent(bundle + ":" + key, k -> engine.parse("{" + bundle + ":" + key + "}"));
        return t.instance().setLocale(Locale.forLanguageTag(visit.language())).render();
    }

    public TemplateInstance form(String template, Form form) {
        return page(template).data("form", form);
    }

    /** API JSON as maps and lists, which templates read without further help. */
    public static Map<String, Object> map(JsonNode node) {
        return JSON.convertValue(node, new TypeReference<Map<String, Object>>() {
        });
    }

    public static List<Map<String, Object>> list(JsonNode node) {
        return JSON.convertValue(node, new TypeReference<List<Map<String, Object>>>() {
        });
    }
}
