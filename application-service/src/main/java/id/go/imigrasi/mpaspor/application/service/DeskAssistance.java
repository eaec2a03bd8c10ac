package id.go.imigrasi.mpaspor.application.service;

import java.util.LinkedHashMap;
import java.util.Map;

import id.go.imigrasi.mpaspor.platform.security.Caller;

/**
 * Assisted registration (issue 19): an officer at a desk acting for a person through this same API, with the
 * person's desk-session token ({@link Caller#actor()}). Ownership is the person's as always; what changes is the
 * record: the timeline entries of the steps taken so (created, submitted) name the officer and their office, so
 * the person and any reader of the application see who did it for them.
 */
public final class DeskAssistance {

    private DeskAssistance() {
    }

    /** {@code details} plus {@code assistedBy} and {@code assistedAtOffice} when an officer acts for the caller. */
    public static Map<String, Object> recorded(Caller caller, Map<String, Object> details) {
        return caller.actor().map(actor -> {
            Map<String, Object> all = new LinkedHashMap<>(details);
            all.put("assistedBy", actor.officerId());
            all.put("assistedAtOffice", actor.officeCode());
            return (Map<String, Object>) all;
        }).orElse(details);
    }
}
