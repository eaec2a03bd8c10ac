package id.go.imigrasi.mpaspor.contracts;

/** Derives the CloudEvents type and the topic of an event class from its {@link EventType}. */
public final class EventTypes {

    public static final String TYPE_PREFIX = "mpaspor.";
    public static final String TOPIC_SUFFIX = ".events";

    private EventTypes() {
    }

    public static EventType of(Class<?> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not annotated with @EventType");
        }
        return type;
    }

    /** {@code mpaspor.billing.BillingPaid.v1} */
    public static String ceType(Class<?> eventClass) {
        EventType type = of(eventClass);
        return TYPE_PREFIX + type.service() + "." + type.name() + ".v" + type.version();
    }

    /** {@code billing.events} */
    public static String topic(Class<?> eventClass) {
        return topicOf(of(eventClass).service());
    }

    public static String topicOf(String service) {
        return service + TOPIC_SUFFIX;
    }
}
