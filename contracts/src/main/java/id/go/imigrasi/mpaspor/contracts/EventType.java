package id.go.imigrasi.mpaspor.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an integration event. The CloudEvents {@code type} is
 * {@code mpaspor.<service>.<name>.v<version>} and the event travels on the producer's topic
 * {@code <service>.events}. A breaking change to a payload is a new version, published next to the
 * old one until every consumer has moved.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** The producing service without the "-service" suffix: account, application, quota, billing, biometric. */
    String service();

    /** The event name in past tense, for example {@code BillingPaid}. */
    String name();

    int version() default 1;

    /** What the event means to a consumer, for the AsyncAPI document (empty: the message has no description). */
    String description() default "";
}
