package id.go.imigrasi.mpaspor.application.dukcapil;

/** Dukcapil said 429 or 503: retrying at once would only add to its load. */
public class DukcapilOverloaded extends RuntimeException {

    public DukcapilOverloaded(int status) {
        super("Dukcapil answered " + status);
    }
}
