package id.go.imigrasi.mpaspor.web.pages;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.web.session.Session;

/**
 * Who is logged in, as the session's access token says (its {@code groups} and {@code office_code} claims): which
 * pages to offer after the login ({@code /kantor} for officers, {@code /admin} for admins) and which office the
 * desk is. The token came straight from the API and is sealed in the cookie; the API still checks every request
 * on its own (an officer acts only on their own office there), so this decides what to show, never what is
 * allowed.
 */
public record Staff(Set<String> groups, String officeCode, String accountId, String deskOffice) {

    public static final String OFFICER = "officer";
    public static final String ADMIN = "admin";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Staff NOBODY = new Staff(Set.of(), null, null, null);

    public static Staff of(Session session) {
        if (session == null || session.accessToken() == null) {
            return NOBODY;
        }
        return ofToken(session.accessToken());
    }

    static Staff ofToken(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return NOBODY;
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            Set<String> groups = new LinkedHashSet<>();
            claims.path("groups").forEach(g -> groups.add(g.asText()));
            return new Staff(groups, claims.path("office_code").asText(null), claims.path("sub").asText(null),
                    claims.path("act").path("office_code").asText(null));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return NOBODY;
        }
    }

    /** The office of the desk whose officer acts for this account (a desk session's {@code act} claim), or null. */
    public String deskOffice() {
        return deskOffice;
    }

    public boolean officer() {
        return groups.contains(OFFICER);
    }

    public boolean admin() {
        return groups.contains(ADMIN);
    }

    /** Where a login without a page to go back to leads. */
    public String home() {
        return admin() ? "/admin" : officer() ? "/kantor" : "/applications";
    }
}
