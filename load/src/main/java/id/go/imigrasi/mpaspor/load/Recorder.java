package id.go.imigrasi.mpaspor.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.gatling.javaapi.core.Session;

/**
 * Our own per-request figures, one line per HTTP answer: Gatling's simulation.log is a binary format of its own and
 * its stats.json groups by OK/KO, not by HTTP status, while the summary needs success and shed (429/503) apart, the
 * presence of Retry-After, and the requests over 2 s. Each request saves its status, response time and Retry-After
 * with checks; {@link #record} (a session hook placed right after the request) keeps them; {@link #write} writes
 * {@code <scenario>.csv} when the simulation ends.
 */
public final class Recorder {

    /** One answer. {@code status} -1: no answer (timeout, connection refused). */
    public record Line(String request, int status, long millis, boolean retryAfter, long startedAtMillis) {

        public String csv() {
            return request + "," + status + "," + millis + "," + (retryAfter ? 1 : 0) + "," + startedAtMillis;
        }

        public static Line parse(String csv) {
            String[] f = csv.split(",");
            return new Line(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]), "1".equals(f[3]), Long.parseLong(f[4]));
        }
    }

    public static final String STATUS = "rec.status";
    public static final String MILLIS = "rec.millis";
    public static final String RETRY_AFTER = "rec.retryAfter";
    public static final String SENT = "rec.sent";

    private final Queue<Line> lines = new ConcurrentLinkedQueue<>();

    /** Placed before a request: forgets the previous request's figures and notes the send time. */
    public static Session arm(Session session) {
        return session.removeAll(STATUS, MILLIS, RETRY_AFTER).set(SENT, System.currentTimeMillis());
    }

    /** Placed after a request: keeps its figures (a missing status is a request without an answer). */
    public Session record(String request, Session session) {
        int status = session.contains(STATUS) ? session.getInt(STATUS) : -1;
        long sent = session.contains(SENT) ? session.getLong(SENT) : System.currentTimeMillis();
        long millis = session.contains(MILLIS) ? session.getInt(MILLIS) : System.currentTimeMillis() - sent;
        lines.add(new Line(request, status, millis, session.contains(RETRY_AFTER), sent));
        return session;
    }

    /** A figure that is not one HTTP answer (an upload's or a journey step's total time). */
    public void add(Line line) {
        lines.add(line);
    }

    public int size() {
        return lines.size();
    }

    public void write(Path dir, String scenario) {
        try {
            Files.createDirectories(dir);
            try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(scenario + ".csv"))) {
                for (Line line : lines) {
                    out.write(line.csv());
                    out.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
