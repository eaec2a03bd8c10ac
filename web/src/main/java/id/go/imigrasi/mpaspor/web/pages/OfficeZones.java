package id.go.imigrasi.mpaspor.web.pages;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;

/**
 * The zone (WIB, WITA, WIT) a page writes an office's times in, from the API's office catalogue
 * ({@code GET /offices/{code}}, {@code timeZone}). An office's zone never changes, so it is asked once per office;
 * no office, or one the API does not answer for, is WIB (Asia/Jakarta), and is asked again next time.
 */
@ApplicationScoped
public class OfficeZones {

    private static final Pattern OFFICE = Pattern.compile("[A-Z0-9]{2,12}");

    private final ApiClient api;
    private final Map<String, String> zones = new ConcurrentHashMap<>();

    public OfficeZones(ApiClient api) {
        this.api = api;
    }

    public String of(Object officeCode) {
        String code = officeCode == null ? null : officeCode.toString();
        if (code == null || !OFFICE.matcher(code).matches()) {
            return Formats.DEFAULT_ZONE;
        }
        String known = zones.get(code);
        if (known != null) {
            return known;
        }
        ApiResponse office = api.get("/offices/" + code);
        if (!office.ok()) {
            return Formats.DEFAULT_ZONE;
        }
        String zone = Formats.zoneName(office.json().path("timeZone").asText(null));
        if (zones.size() < 1000) {
            zones.put(code, zone);
        }
        return zone;
    }
}
