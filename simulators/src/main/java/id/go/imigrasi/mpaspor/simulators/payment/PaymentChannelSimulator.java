package id.go.imigrasi.mpaspor.simulators.payment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A payment channel, as a bank or a shop would implement it: builds the callback body, signs it
 * (HMAC-SHA256 over {@code timestamp + "." + body} with the channel's secret) and POSTs it to
 * {@code /payments/callbacks/{channel}}, including the awkward cases: duplicates (sequential or concurrent), late
 * payments, stale timestamps, wrong secrets and tampered bodies. JDK only, so it runs as a single source file:
 *
 * <pre>
 * java simulators/src/main/java/id/go/imigrasi/mpaspor/simulators/payment/PaymentChannelSimulator.java \
 *      --channel atm --code 812345678901234 --amount 1650000 [--url http://127.0.0.1:8084]
 *      [--secret S | env MPASPOR_BILLING_SECRET_ATM] [--reference REF] [--paid-at 2026-11-21T10:15:00Z]
 *      [--times 10] [--concurrent] [--skew-seconds -600] [--tamper]
 * </pre>
 *
 * It is an independent implementation of the signing rules (it shares no code with the service), which is what
 * the tests want: it proves the documented protocol, not the service's own helper.
 */
public final class PaymentChannelSimulator {

    public static final String TIMESTAMP_HEADER = "X-Mpaspor-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Mpaspor-Signature";

    /** What the service answered. */
    public record Answer(int status, String body, String contentType, boolean replayed) {
    }

    private final URI baseUrl;
    private final String channel;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public PaymentChannelSimulator(URI baseUrl, String channel, String secret) {
        this.baseUrl = baseUrl;
        this.channel = channel;
        this.secret = secret;
    }

    /** The JSON body a channel sends. */
    public static String body(String billingCode, long amount, String channelReference, Instant paidAt) {
        return "{\"billingCode\":" + quote(billingCode) + ",\"amount\":" + amount + ",\"channelReference\":"
                + quote(channelReference) + ",\"paidAt\":" + quote(paidAt.toString()) + "}";
    }

    /** Lower-case hex HMAC-SHA256(secret, timestamp + "." + body). */
    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reports a payment made now, signed now. */
    public Answer pay(String billingCode, long amount, String channelReference) {
        return pay(billingCode, amount, channelReference, Instant.now());
    }

    public Answer pay(String billingCode, long amount, String channelReference, Instant paidAt) {
        return send(body(billingCode, amount, channelReference, paidAt), Instant.now());
    }

    /** Signs {@code body} as sent at {@code signedAt} (a stale time to test replay protection). */
    public Answer send(String body, Instant signedAt) {
        String timestamp = Long.toString(signedAt.getEpochSecond());
        return sendRaw(body, timestamp, sign(secret, timestamp, body));
    }

    /** Sends exactly these headers and body (null leaves a header out): forged or tampered requests. */
    public Answer sendRaw(String body, String timestamp, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl.toString().replaceAll("/+$", "") + "/payments/callbacks/" + channel))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (timestamp != null) {
            request.header(TIMESTAMP_HEADER, timestamp);
        }
        if (signature != null) {
            request.header(SIGNATURE_HEADER, signature);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("X-Mpaspor-Replayed").map(Boolean::parseBoolean).orElse(false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("callback to " + baseUrl + " failed: " + e.getMessage(), e);
        }
    }

    /** The same signed callback {@code times} times at once, as a channel retrying on timeouts would. */
    public List<Answer> sendConcurrently(String body, int times) {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return send(body, Instant.now());
                }, pool));
            }
            start.countDown();
            return answers.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    public static void main(String[] args) {
        String url = "http://127.0.0.1:8084";
        String channel = null;
        String code = null;
        Long amount = null;
        String reference = null;
        String secret = null;
        Instant paidAt = null;
        int times = 1;
        boolean concurrent = false;
        long skewSeconds = 0;
        boolean tamper = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--url" -> url = args[++i];
                case "--channel" -> channel = args[++i];
                case "--code" -> code = args[++i];
                case "--amount" -> amount = Long.parseLong(args[++i]);
                case "--reference" -> reference = args[++i];
                case "--secret" -> secret = args[++i];
                case "--paid-at" -> paidAt = Instant.parse(args[++i]);
                case "--times" -> times = Integer.parseInt(args[++i]);
                case "--concurrent" -> concurrent = true;
                case "--skew-seconds" -> skewSeconds = Long.parseLong(args[++i]);
                case "--tamper" -> tamper = true;
                case "--help", "-h" -> {
                    usage();
                    return;
                }
                default -> {
                    System.err.println("unknown option " + a);
                    usage();
                    System.exit(2);
                }
            }
        }
        if (channel == null || code == null || amount == null) {
            usage();
            System.exit(2);
        }
        if (secret == null) {
            secret = System.getenv("MPASPOR_BILLING_SECRET_" + channel.toUpperCase().replace('-', '_'));
        }
        if (secret == null) {
            System.err.println("no secret: pass --secret or set MPASPOR_BILLING_SECRET_"
                    + channel.toUpperCase().replace('-', '_'));
            System.exit(2);
        }
        reference = reference != null ? reference : channel.toUpperCase() + "-" + UUID.randomUUID();
        String body = body(code, amount, reference, paidAt != null ? paidAt : Instant.now());
        PaymentChannelSimulator sim = new PaymentChannelSimulator(URI.create(url), channel, secret);
        List<Answer> answers = new ArrayList<>();
        if (tamper) {
            String timestamp = Long.toString(Instant.now().plusSeconds(skewSeconds).getEpochSecond());
            String signature = sign(secret, timestamp, body);
            answers.add(sim.sendRaw(body.replace("\"amount\":" + amount, "\"amount\":" + (amount - 1)), timestamp,
                    signature));
        } else if (concurrent) {
            answers.addAll(sim.sendConcurrently(body, times));
        } else {
            for (int i = 0; i < times; i++) {
                answers.add(sim.send(body, Instant.now().plusSeconds(skewSeconds)));
            }
        }
        System.out.println("POST " + url + "/payments/callbacks/" + channel + "  " + body);
        for (Answer answer : answers) {
            System.out.println(answer.status() + (answer.replayed() ? " (replay) " : " ") + answer.body());
        }
    }

    private static void usage() {
        System.err.println("""
                usage: PaymentChannelSimulator --channel CHANNEL --code BILLING_CODE --amount RUPIAH
                         [--url http://127.0.0.1:8084] [--secret SECRET]   (default: env MPASPOR_BILLING_SECRET_<CHANNEL>)
                         [--reference CHANNEL_REF] [--paid-at ISO_INSTANT] (a past time for a late payment)
                         [--times N] [--concurrent]                      (duplicates, sequential or all at once)
                         [--skew-seconds S]                              (sign with a shifted clock: stale timestamp)
                         [--tamper]                                      (alter the body after signing)
                channels: bank-teller, atm, internet-banking, post-office, indomaret, alfamart, marketplace""");
    }
}
