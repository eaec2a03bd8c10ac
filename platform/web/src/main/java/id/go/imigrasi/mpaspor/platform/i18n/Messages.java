package id.go.imigrasi.mpaspor.platform.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * User-facing texts in Bahasa Indonesia (the default, in the base bundles) and English ({@code _en}). A key is
 * looked up in the service's {@code messages} bundle first, then in the bundles of the library modules the service
 * is built from (each names its bundle, one base name a line, in {@code META-INF/mpaspor-message-bundles}), then in
 * the platform's {@code platform-messages}.
 */
@ApplicationScoped
public class Messages {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id");
    public static final List<Locale> SUPPORTED = List.of(INDONESIAN, Locale.ENGLISH);
    /** Where a library module names its own bundle (a service's {@code messages} is one per application). */
    public static final String MODULE_BUNDLES = "META-INF/mpaspor-message-bundles";
    private static final List<String> BUNDLES = bundles();
    private static final Pattern NAMED = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    /** How many languages' bundle lists are kept (the supported ones, and a few a caller may pass). */
    static final int KNOWN_LOCALES = 8;

    private final Map<Locale, List<ResourceBundle>> bundlesByLocale = new ConcurrentHashMap<>();

    /** The first supported language the client accepts, Indonesian otherwise. */
    public static Locale negotiate(List<Locale> acceptable) {
        for (Locale wanted : acceptable) {
            String language = wanted.getLanguage();
            if ("en".equals(language)) {
                return Locale.ENGLISH;
            }
            if ("id".equals(language) || "in".equals(language)) {
                return INDONESIAN;
            }
        }
        return INDONESIAN;
    }

    private static List<String> bundles() {
        List<String> names = new ArrayList<>();
        names.add("messages");
        try {
            Enumeration<URL> lists = Messages.class.getClassLoader().getResources(MODULE_BUNDLES);
            while (lists.hasMoreElements()) {
                try (InputStream in = lists.nextElement().openStream()) {
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                            .filter(line -> !line.isEmpty() && !line.startsWith("#") && !names.contains(line))
                            .forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MODULE_BUNDLES, e);
        }
        names.add("platform-messages");
        return List.copyOf(names);
    }

    public Optional<String> find(Locale locale, String key) {
        for (ResourceBundle bundle : bundlesOf(locale)) {
            if (bundle.containsKey(key)) {
                return Optional.of(bundle.getString(key));
            }
        }
        return Optional.empty();
    }

    /**
     * The bundles of {@link #BUNDLES} that exist in this application, in {@code locale}, looked up once per language:
     * a bundle a service does not have threw {@code MissingResourceException} (a stack trace) on every lookup, and
     * every problem answer looks up its title and detail (issue 20: a refused request's cost). At most
     * {@link #KNOWN_LOCALES} languages are kept; any other is looked up each time.
     */
    private List<ResourceBundle> bundlesOf(Locale locale) {
        List<ResourceBundle> known = bundlesByLocale.get(locale);
        if (known != null) {
            return known;
        }
        List<ResourceBundle> found = new ArrayList<>();
        for (String name : BUNDLES) {
            try {
                found.add(ResourceBundle.getBundle(name, locale, Messages.class.getClassLoader(),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
            } catch (MissingResourceException absent) {
                // this bundle does not exist in this application: the next
            }
        }
        List<ResourceBundle> bundles = List.copyOf(found);
        if (bundlesByLocale.size() < KNOWN_LOCALES) {
            bundlesByLocale.putIfAbsent(locale, bundles);
        }
        return bundles;
    }

    /** The text of {@code key} with positional {@code {0}} arguments, or the key itself when unknown. */
    public String get(Locale locale, String key, Object... args) {
        return find(locale, key).map(text -> args.length == 0 ? text : new MessageFormat(text, locale).format(args))
                .orElse(key);
    }

    /** The text of {@code key} with named {@code {min}} arguments (Bean Validation style). */
    public Optional<String> getNamed(Locale locale, String key, Map<String, Object> args) {
        return find(locale, key).map(text -> {
            Matcher m = NAMED.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                Object value = args.get(m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : String.valueOf(value)));
            }
            m.appendTail(out);
            return out.toString();
        });
    }
}
