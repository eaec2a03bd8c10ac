package id.go.imigrasi.mpaspor.upload.client;

import id.go.imigrasi.mpaspor.upload.client.TusUploadException.Reason;
import id.go.imigrasi.mpaspor.upload.client.UploadListener.RetryNotice;
import id.go.imigrasi.mpaspor.upload.testserver.TusTestServer;
import id.go.imigrasi.mpaspor.upload.testserver.TusTestServer.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The uploader against a real tus server (JDK HTTP server, files on disk), with faults injected. */
class TusUploaderTest {

    private static final int CHUNK = 64 * 1024;
    /** Five chunks, the last one short. */
    private static final int SIZE = 4 * CHUNK + 12_345;
    private static final Map<String, String> METADATA = Map.of("applicationId", "APP-1", "applicantId", "USR-1",
            "documentType", "EKTP", "filename", "ktp budi.jpg");

    /** Short waits so the tests stay fast; the policy itself is proven in RetryPolicyTest. */
    private static final RetryPolicy FAST = RetryPolicy.defaults()
            .withBase(Duration.ofMillis(10)).withCap(Duration.ofMillis(100));

    @TempDir
    Path dir;

    private TusTestServer server;
    private Path file;
    private byte[] content;

    @BeforeEach
    void start() throws IOException {
        server = TusTestServer.start();
        content = new byte[SIZE];
        new Random(5).nextBytes(content);
        file = Files.write(dir.resolve("ktp.jpg"), content);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TusUploader.Builder uploader() {
        return TusUploader.builder()
                .endpoint(server.endpoint())
                .bearerToken("token-budi")
                .chunkSize(CHUNK)
                .deadline(Duration.ofSeconds(60))
                .requestTimeout(Duration.ofSeconds(10))
                .retryPolicy(FAST);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void uploadsInChecksummedChunksAndTheServerHoldsTheIdenticalFile() throws Exception {
        List<long[]> progress = Collections.synchronizedList(new ArrayList<>());
        UploadListener listener = new UploadListener() {
            @Override
            public void onProgress(long acknowledged, long total) {
                progress.add(new long[] {acknowledged, total});
            }
        };

        UploadResult result = uploader().progress(listener).build().upload(file, METADATA);

        TusTestServer.Upload stored = server.upload(result.uploadUrl());
        assertThat(stored.sha256Hex()).isEqualTo(sha256(content));
        assertThat(stored.metadata()).isEqualTo(METADATA);
        assertThat(stored.authorization()).isEqualTo("Bearer token-budi");
        assertThat(server.requestLog()).containsExactly("POST 201", "PATCH 204", "PATCH 204", "PATCH 204",
                "PATCH 204", "PATCH 204");
        assertThat(result.bytes()).isEqualTo(SIZE);
        assertThat(result.bytesSent()).isEqualTo(SIZE);
        assertThat(result.attempts()).isEqualTo(6);
        assertThat(result.retries()).isZero();
        assertThat(progress).extracting(p -> p[0])
                .containsExactly((long) CHUNK, 2L * CHUNK, 3L * CHUNK, 4L * CHUNK, (long) SIZE);
        assertThat(progress).allSatisfy(p -> assertThat(p[1]).isEqualTo(SIZE));
    }

    @Test
    void uploadsFromAnInputStreamOfKnownLength() throws Exception {
        UploadResult result = uploader().build().upload(new ByteArrayInputStream(content), SIZE, METADATA);

        assertThat(server.upload(result.uploadUrl()).sha256Hex()).isEqualTo(sha256(content));
    }

    @Test
    void anEmptyFileIsCreatedAndCompleteWithoutAPatch() throws Exception {
        Path empty = Files.write(dir.resolve("empty.pdf"), new byte[0]);

        UploadResult result = uploader().build().upload(empty, METADATA);

        assertThat(server.upload(result.uploadUrl()).length()).isZero();
        assertThat(server.requestLog()).containsExactly("POST 201");
    }

    @Test
    void oneUploaderRunsManyUploadsConcurrently() throws Exception {
        TusUploader shared = uploader().build();
        server.maxConcurrentPatches(3);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<UploadResult>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> shared.upload(file, METADATA)));
            }
            List<URI> urls = new ArrayList<>();
            for (var f : futures) {
                urls.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS).uploadUrl());
            }

            assertThat(urls).doesNotHaveDuplicates().hasSize(8);
            for (URI url : urls) {
                assertThat(server.upload(url).sha256Hex()).isEqualTo(sha256(content));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("PATCH 503 with Retry-After", "PATCH", new Fault[] {Fault.status(503, "0")}),
                Arguments.of("PATCH 503 answered before the body is read", "PATCH",
                        new Fault[] {new Fault.ShedEarly(503, "0"), new Fault.ShedEarly(429, "0")}),
                Arguments.of("PATCH 429 with Retry-After", "PATCH", new Fault[] {Fault.status(429, "0")}),
                Arguments.of("PATCH 500, twice", "PATCH", new Fault[] {Fault.status(500), Fault.status(500)}),
                Arguments.of("PATCH 502", "PATCH", new Fault[] {Fault.status(502)}),
                Arguments.of("connection cut mid-chunk", "PATCH", new Fault[] {new Fault.CutMidBody(10_000)}),
                Arguments.of("answer lost after the chunk was stored", "PATCH", new Fault[] {new Fault.LoseAnswer()}),
                Arguments.of("checksum mismatch (460), twice", "PATCH",
                        new Fault[] {new Fault.Corrupt(), new Fault.Corrupt()}),
                Arguments.of("offset mismatch (409)", "PATCH", new Fault[] {Fault.status(409)}),
                Arguments.of("upload locked by an earlier request (423)", "PATCH", new Fault[] {Fault.status(423)}),
                Arguments.of("request timeout", "PATCH", new Fault[] {new Fault.Stall(Duration.ofSeconds(5))}),
                Arguments.of("creation 503 then 500", "POST",
                        new Fault[] {Fault.status(503, "0"), Fault.status(500)}),
                Arguments.of("creation connection cut", "POST", new Fault[] {new Fault.CutMidBody(0)}),
                Arguments.of("HEAD 503 while resuming", "PATCH+HEAD", new Fault[] {Fault.status(503, "0")}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void completesWithIdenticalContentUnderEveryFault(String name, String method, Fault[] faults) throws Exception {
        // the third request of that method fails (the first one for POST)
        if ("POST".equals(method)) {
            server.inject("POST", faults);
        } else if ("PATCH+HEAD".equals(method)) {
            server.inject("PATCH", Fault.status(500));
            server.inject("HEAD", faults);
        } else {
            patchFaultsAfter(2, faults);
        }
        List<RetryNotice> retries = Collections.synchronizedList(new ArrayList<>());
        UploadListener listener = new UploadListener() {
            @Override
            public void onRetry(RetryNotice notice) {
                retries.add(notice);
            }
        };

        UploadResult result = uploader().requestTimeout(Duration.ofSeconds(2)).progress(listener).build()
                .upload(file, METADATA);

        assertThat(server.upload(result.uploadUrl()).sha256Hex()).isEqualTo(sha256(content));
        assertThat(result.retries()).isGreaterThanOrEqualTo(1).isEqualTo(retries.size());
        assertThat(result.bytes()).isEqualTo(SIZE);
    }

    /** Lets {@code successes} PATCHes through, then applies the faults. */
    private void patchFaultsAfter(int successes, Fault... faults) {
        Fault[] all = new Fault[successes + faults.length];
        for (int i = 0; i < successes; i++) {
            all[i] = new Fault.Stall(Duration.ZERO);
        }
        System.arraycopy(faults, 0, all, successes, faults.length);
        server.inject("PATCH", all);
    }

    @Test
    void aChunkWithAMismatchingChecksumIsSentAgainAtTheSameOffset() throws Exception {
        patchFaultsAfter(1, new Fault.Corrupt());

        UploadResult result = uploader().build().upload(file, METADATA);

        assertThat(server.requestLog()).containsExactly("POST 201", "PATCH 204", "PATCH 460", "PATCH 204",
                "PATCH 204", "PATCH 204", "PATCH 204");
        assertThat(server.upload(result.uploadUrl()).sha256Hex()).isEqualTo(sha256(content));
    }

    @Test
    void afterAnOffsetMismatchItAsksTheServerAndContinuesFromItsOffset() throws Exception {
        patchFaultsAfter(1, Fault.status(409));

        UploadResult result = uploader().build().upload(file, METADATA);

        assertThat(server.requestLog()).containsExactly("POST 201", "PATCH 204", "PATCH 409", "HEAD 200",
                "PATCH 204", "PATCH 204", "PATCH 204", "PATCH 204");
        assertThat(server.upload(result.uploadUrl()).sha256Hex()).isEqualTo(sha256(content));
    }

    @Test
    void resumesFromTheServersOffsetWithoutResendingAcknowledgedBytesWhenTheAnswerIsLost() throws Exception {
        patchFaultsAfter(2, new Fault.LoseAnswer());

        UploadResult result = uploader().build().upload(file, METADATA);

        TusTestServer.Upload stored = server.upload(result.uploadUrl());
        assertThat(stored.sha256Hex()).isEqualTo(sha256(content));
        // the third chunk reached the server once; the client learnt that from HEAD and did not send it again
        assertThat(stored.bodyBytesReceived()).isEqualTo(SIZE);
        assertThat(result.bytesSent()).isEqualTo(SIZE);
        assertThat(server.requestLog()).containsSubsequence("PATCH cut", "HEAD 200", "PATCH 204");
    }

    @Test
    void resumesMidChunkFromTheBytesTheServerKeptWhenTheConnectionIsCut() throws Exception {
        server.keepPartialChunks(true);
        patchFaultsAfter(1, new Fault.CutMidBody(10_000));

        UploadResult result = uploader().build().upload(file, METADATA);

        TusTestServer.Upload stored = server.upload(result.uploadUrl());
        assertThat(stored.sha256Hex()).isEqualTo(sha256(content));
        assertThat(stored.bodyBytesReceived()).isEqualTo(SIZE);
    }

    @Test
    void resumesMidChunkFromAStreamWithoutRewindingIt() throws Exception {
        server.keepPartialChunks(true);
        patchFaultsAfter(2, new Fault.CutMidBody(20_000), new Fault.CutMidBody(7));

        UploadResult result = uploader().build().upload(new ByteArrayInputStream(content), SIZE, METADATA);

        TusTestServer.Upload stored = server.upload(result.uploadUrl());
        assertThat(stored.sha256Hex()).isEqualTo(sha256(content));
        assertThat(stored.bodyBytesReceived()).isEqualTo(SIZE);
    }

    @Test
    void resumeContinuesAnUploadAnotherCallStartedAndSkipsWhatTheServerHas() throws Exception {
        patchFaultsAfter(2, Fault.status(403));
        TusUploadException failed = catchThrowableOfType(
                () -> uploader().build().upload(file, METADATA), TusUploadException.class);
        assertThat(failed.reason()).isEqualTo(Reason.REJECTED);
        assertThat(failed.lastStatus()).isEqualTo(403);
        assertThat(failed.bytesAcknowledged()).isEqualTo(2L * CHUNK);
        URI uploadUrl = failed.uploadUrl();
        assertThat(uploadUrl).isNotNull();

        UploadResult resumed = uploader().build().resume(uploadUrl, new ByteArrayInputStream(content), SIZE);

        TusTestServer.Upload stored = server.upload(uploadUrl);
        assertThat(stored.sha256Hex()).isEqualTo(sha256(content));
        assertThat(resumed.bytesSent()).isEqualTo(SIZE - 2L * CHUNK);
        // the 2 chunks of the first call and the 3 the resume sent (the refused PATCH's body was discarded)
        assertThat(stored.bodyBytesReceived()).isEqualTo(SIZE);
    }

    @Test
    void honoursRetryAfterInSecondsWithARealWaitAtLeastThatLong() throws Exception {
        patchFaultsAfter(1, Fault.status(503, "1"), Fault.status(429, "1"));
        List<Long> exchangeEnds = Collections.synchronizedList(new ArrayList<>());
        List<RetryNotice> notices = Collections.synchronizedList(new ArrayList<>());
        UploadListener listener = new UploadListener() {
            @Override
            public void onExchange(Exchange exchange) {
                exchangeEnds.add(System.nanoTime());
            }

            @Override
            public void onRetry(RetryNotice notice) {
                notices.add(notice);
            }
        };

        UploadResult result = uploader().progress(listener).build().upload(file, METADATA);

        assertThat(notices).extracting(RetryNotice::status).containsExactly(503, 429);
        assertThat(notices).allSatisfy(n -> {
            assertThat(n.retryAfter()).isEqualTo(Duration.ofSeconds(1));
            assertThat(n.delay()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        });
        // exchanges: POST, PATCH 204, PATCH 503, HEAD, PATCH 429, HEAD, ...: measured gaps after each shed answer
        Duration afterFirst = Duration.ofNanos(exchangeEnds.get(3) - exchangeEnds.get(2));
        Duration afterSecond = Duration.ofNanos(exchangeEnds.get(5) - exchangeEnds.get(4));
        assertThat(afterFirst).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(afterSecond).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(server.upload(result.uploadUrl()).sha256Hex()).isEqualTo(sha256(content));
    }

    @Test
    void aShedAnswerSentBeforeTheBodyIsReadStillCarriesItsStatusAndRetryAfter() throws Exception {
        ManualTime time = new ManualTime();
        patchFaultsAfter(1, new Fault.ShedEarly(503, "4"), new Fault.ShedEarly(429, "3"));
        List<RetryNotice> notices = Collections.synchronizedList(new ArrayList<>());
        UploadListener listener = new UploadListener() {
            @Override
            public void onRetry(RetryNotice notice) {
                notices.add(notice);
            }
        };

        UploadResult result = uploader().clock(time).sleeper(time).progress(listener).build().upload(file, METADATA);

        assertThat(notices).extracting(RetryNotice::status).containsExactly(503, 429);
        assertThat(notices).extracting(RetryNotice::retryAfter)
                .containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(3));
        assertThat(time.sleeps().get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        assertThat(time.sleeps().get(1)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(server.upload(result.uploadUrl()).sha256Hex()).isEqualTo(sha256(content));
    }

    @Test
    void honoursRetryAfterGivenAsAnHttpDate() throws Exception {
        ManualTime time = new ManualTime();
        String inTwelveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(time.instant().plusSeconds(12), ZoneOffset.UTC));
        patchFaultsAfter(1, Fault.status(503, inTwelveSeconds));

        uploader().clock(time).sleeper(time).build().upload(file, METADATA);

        assertThat(time.sleeps()).hasSize(1);
        assertThat(time.sleeps().get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void consecutiveFailuresBackOffExponentiallyUpToTheCapAndSuccessResetsIt() throws Exception {
        ManualTime time = new ManualTime();
        // the random draw just below 1 makes each wait (almost) its ceiling: 1, 2, 4, 8, 8 s with a cap of 8 s
        RetryPolicy policy = RetryPolicy.defaults().withCap(Duration.ofSeconds(8)).withRandom(() -> 0.999_999);
        patchFaultsAfter(1, Fault.status(500), Fault.status(500), Fault.status(500), Fault.status(500),
                Fault.status(500), new Fault.Stall(Duration.ZERO), Fault.status(500));

        uploader().retryPolicy(policy).clock(time).sleeper(time).deadline(Duration.ofMinutes(5)).build()
                .upload(file, METADATA);

        assertThat(time.sleeps()).extracting(d -> Math.round(d.toMillis() / 1000.0))
                .containsExactly(1L, 2L, 4L, 8L, 8L, 1L);
    }

    @Test
    void givesUpAtTheDeadlineWithTheLastStatusAndNoWaitPastIt() {
        ManualTime time = new ManualTime();
        Fault[] always503 = new Fault[200];
        java.util.Arrays.fill(always503, Fault.status(503, "2"));
        patchFaultsAfter(1, always503);

        TusUploadException e = catchThrowableOfType(() -> uploader()
                .retryPolicy(RetryPolicy.defaults().withRandom(new SplittableRandom(1)::nextDouble)).clock(time).sleeper(time).deadline(Duration.ofSeconds(60))
                .build().upload(file, METADATA), TusUploadException.class);

        assertThat(e.reason()).isEqualTo(Reason.DEADLINE_EXCEEDED);
        assertThat(e.lastStatus()).isEqualTo(503);
        assertThat(e.bytesAcknowledged()).isEqualTo(CHUNK);
        assertThat(e.uploadUrl()).isNotNull();
        assertThat(e.getMessage()).contains("deadline of PT1M").contains("last status 503");
        assertThat(time.slept()).isLessThan(Duration.ofSeconds(60));
        assertThat(time.sleeps()).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(2)));
        assertThat(time.sleeps().size()).isGreaterThan(3);
    }

    @Test
    void anUnreachableServerFailsAtTheDeadlineWithNoAnswerAsTheLastStatus() throws Exception {
        URI closed = server.endpoint();
        server.close();

        TusUploadException e = catchThrowableOfType(() -> TusUploader.builder().endpoint(closed)
                .retryPolicy(FAST).deadline(Duration.ofMillis(700)).build().upload(file, METADATA),
                TusUploadException.class);

        assertThat(e.reason()).isEqualTo(Reason.DEADLINE_EXCEEDED);
        assertThat(e.lastStatus()).isEqualTo(TusUploader.NO_ANSWER);
        assertThat(e.uploadUrl()).isNull();
        assertThat(e.attempts()).isGreaterThan(1);
    }

    @Test
    void aRefusalThatRetryingCannotFixFailsAtOnce() {
        server.inject("POST", Fault.status(401));

        TusUploadException e = catchThrowableOfType(() -> uploader().build().upload(file, METADATA),
                TusUploadException.class);

        assertThat(e.reason()).isEqualTo(Reason.REJECTED);
        assertThat(e.lastStatus()).isEqualTo(401);
        assertThat(e.attempts()).isEqualTo(1);
    }

    @Test
    void terminateRemovesTheUploadFromTheServerAndRetriesWhenOverloaded() throws Exception {
        UploadResult done = uploader().build().upload(file, METADATA);
        server.inject("DELETE", Fault.status(503, "0"));

        uploader().build().terminate(done.uploadUrl());

        assertThat(server.uploads()).isEmpty();
        assertThat(server.requestLog()).endsWith("DELETE 503", "DELETE 204");
        // terminating again is harmless: it is already gone
        uploader().build().terminate(done.uploadUrl());
        assertThat(server.requestLog()).endsWith("DELETE 404");
    }

    @Test
    void anUploadThatNoLongerExistsIsReportedAsGone() throws Exception {
        UploadResult done = uploader().build().upload(file, METADATA);
        uploader().build().terminate(done.uploadUrl());

        assertThatThrownBy(() -> uploader().build().resume(done.uploadUrl(), file))
                .isInstanceOfSatisfying(TusUploadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UPLOAD_GONE);
                    assertThat(e.lastStatus()).isEqualTo(404);
                });
    }

    @Test
    void aStreamShorterThanDeclaredIsASourceError() {
        TusUploadException e = catchThrowableOfType(() -> uploader().build()
                .upload(new ByteArrayInputStream(content, 0, 1000), SIZE, METADATA), TusUploadException.class);

        assertThat(e.reason()).isEqualTo(Reason.SOURCE_ERROR);
        assertThat(e.getMessage()).contains("declared length");
    }
}
