package id.go.imigrasi.mpaspor.application.domain;

import java.util.Collection;

/**
 * The state of a collective batch from its members' states: CHECKING while any member is not decided (Dukcapil or
 * the places still to come); then REGISTERED when every member is, REFUSED when none is, PARTLY_REGISTERED otherwise.
 */
public final class CollectiveOutcome {

    private CollectiveOutcome() {
    }

    public static CollectiveBatch.State of(Collection<CollectiveMember.State> members) {
        if (members.isEmpty()) {
            return CollectiveBatch.State.REFUSED;
        }
        if (members.stream().anyMatch(s -> !s.decided())) {
            return CollectiveBatch.State.CHECKING;
        }
        long registered = members.stream().filter(s -> s == CollectiveMember.State.REGISTERED).count();
        if (registered == members.size()) {
            return CollectiveBatch.State.REGISTERED;
        }
        return registered == 0 ? CollectiveBatch.State.REFUSED : CollectiveBatch.State.PARTLY_REGISTERED;
    }

    /**
     * Whether the batch is ready to ask quota-service for its places: no member waits for Dukcapil any more and at
     * least one was verified.
     */
    public static boolean readyForPlaces(Collection<CollectiveMember.State> members) {
        return members.stream().noneMatch(s -> s == CollectiveMember.State.CHECKING)
                && members.stream().anyMatch(s -> s == CollectiveMember.State.VERIFIED);
    }
}
