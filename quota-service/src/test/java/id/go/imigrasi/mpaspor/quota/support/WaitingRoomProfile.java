package id.go.imigrasi.mpaspor.quota.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Releases get their waiting room (off for the other tests, whose scheduled releases are sold first come, first served). */
public class WaitingRoomProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mpaspor.quota.waiting-room.enabled", "true",
                "mpaspor.quota.waiting-room.opens-before", "PT2H",
                "mpaspor.quota.waiting-room.leader-interval", "PT0.1S",
                "mpaspor.quota.waiting-room.poll-interval", "PT0.1S",
                // a hold limit far below the people waiting: admission must not wait on it (the first test admits 16
                // people of 100 places with nobody holding; with the limit as the depth it stalled at 4)
                "mpaspor.quota.admission.max-in-flight", "4");
    }
}
