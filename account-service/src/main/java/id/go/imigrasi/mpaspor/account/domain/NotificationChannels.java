package id.go.imigrasi.mpaspor.account.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rule of how a person may choose to be told (issue 22): at least one channel of {@code EMAIL}, {@code SMS},
 * {@code WHATSAPP}; a text channel (SMS, WhatsApp) only once the mobile number is proven by a code sent to it, so a
 * typo never sends someone's passport news to a stranger; the language {@code id} or {@code en}. Stored as the
 * channels in this order, comma-separated ({@code account.notify_channels}).
 */
public final class NotificationChannels {

    public enum Channel {
        EMAIL, SMS, WHATSAPP;

        boolean text() {
            return this != EMAIL;
        }
    }

    public static final Set<String> LANGUAGES = Set.of("id", "en");

    /** Why a choice is refused: the field, and the message key of its reason. */
    public record Refusal(String field, String messageKey) {
    }

    private NotificationChannels() {
    }

    /** The channels of {@code requested} (any case), or the reasons they cannot be chosen. */
    public static Choice choose(List<String> requested, String language, boolean phoneProven) {
        List<Refusal> refusals = new ArrayList<>();
        EnumSet<Channel> channels = EnumSet.noneOf(Channel.class);
        if (requested == null || requested.isEmpty()) {
            refusals.add(new Refusal("channels", "account.notifications.channels-empty"));
        } else {
            for (String name : requested) {
                try {
                    channels.add(Channel.valueOf(String.valueOf(name).trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException unknown) {
                    refusals.add(new Refusal("channels", "account.notifications.channel-unknown"));
                }
            }
        }
        if (!phoneProven && channels.stream().anyMatch(Channel::text)) {
            refusals.add(new Refusal("channels", "account.notifications.phone-not-verified"));
        }
        if (language == null || !LANGUAGES.contains(language)) {
            refusals.add(new Refusal("language", "account.notifications.language-unknown"));
        }
        return new Choice(channels, refusals);
    }

    /** What {@link #choose} decided: the channels when {@code refusals} is empty. */
    public record Choice(Set<Channel> channels, List<Refusal> refusals) {

        public boolean allowed() {
            return refusals.isEmpty();
        }

        public String stored() {
            return NotificationChannels.stored(channels);
        }
    }

    /** {@code EMAIL,SMS} as stored. */
    public static String stored(Set<Channel> channels) {
        return channels.stream().sorted().map(Channel::name).collect(Collectors.joining(","));
    }

    /** The stored column read back. */
    public static List<String> read(String stored) {
        return stored == null || stored.isBlank() ? List.of(Channel.EMAIL.name()) : List.of(stored.split(","));
    }
}
