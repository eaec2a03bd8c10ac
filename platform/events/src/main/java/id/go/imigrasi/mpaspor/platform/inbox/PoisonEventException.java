package id.go.imigrasi.mpaspor.platform.inbox;

/**
 * An event that can never be applied (not a CloudEvent, unreadable payload, a rule it breaks for good).
 * It goes to the dead-letter topic at once instead of being retried.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
