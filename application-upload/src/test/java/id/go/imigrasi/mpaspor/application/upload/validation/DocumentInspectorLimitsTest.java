package id.go.imigrasi.mpaspor.application.upload.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.upload.config.UploadConfig;
import id.go.imigrasi.mpaspor.application.upload.support.ImageBombs;

/**
 * Decompression bombs (issue 25, security 5): an image is judged by the size its header declares before a pixel
 * is decoded, refused beyond the configured maximum, and what is decoded is bounded in time and memory.
 */
class DocumentInspectorLimitsTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The inspector with the defaults of application.properties, {@code overrides} replacing some. */
    private static DocumentInspector inspector(Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>(Map.of("maxBytes", 10L * 1024 * 1024, "minImageLongSide", 600,
                "minImageShortSide", 400, "maxPdfPages", 20, "maxImageSide", 10_000, "maxImageMegapixels", 40,
                "decodeMaxPixels", 2_000_000L, "maxDecodeTime", Duration.ofSeconds(2)));
        values.putAll(overrides);
        UploadConfig.Validation validation = (UploadConfig.Validation) Proxy.newProxyInstance(
                DocumentInspectorLimitsTest.class.getClassLoader(), new Class<?>[] { UploadConfig.Validation.class },
                (proxy, method, args) -> {
                    if (!values.containsKey(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return values.get(method.getName());
                });
        UploadConfig config = (UploadConfig) Proxy.newProxyInstance(DocumentInspectorLimitsTest.class.getClassLoader(),
                new Class<?>[] { UploadConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("validation")) {
                        return validation;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new DocumentInspector(config);
    }

    private record Timed(Verdict verdict, Duration cpu, Duration wall) {
    }

    private static Timed inspect(DocumentInspector inspector, byte[] bytes) {
        // the deadline ends the test even if the decoder would run for minutes
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            Verdict verdict = inspector.inspect(new ByteArrayInputStream(bytes), bytes.length);
            return new Timed(verdict, Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - cpu),
                    Duration.ofNanos(System.nanoTime() - wall));
        });
    }

    private static byte[] picture(int width, int height, String format) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.drawString("M-Paspor", 20, 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    @BeforeAll
    static void warmUp() throws Exception {
        // ImageIO's plugin registry and the codecs load once per JVM: not the cost of an inspection
        inspect(inspector(Map.of()), picture(800, 600, "png"));
        inspect(inspector(Map.of()), picture(800, 600, "jpg"));
    }

    @Test
    void aPngBombOf45000By45000PixelsIsRefusedFromItsHeaderInMilliseconds() throws Exception {
        byte[] bomb = ImageBombs.png(45_000, 45_000); // 253 MB of pixel rows, ~250 KB on the wire
        assertThat(bomb.length).isLessThan(400 * 1024);

        Timed judged = inspect(inspector(Map.of()), bomb);
        System.out.printf("PNG bomb 45000 x 45000 (%d bytes): %s in %d ms CPU, %d ms wall%n", bomb.length,
                judged.verdict().reasonCode(), judged.cpu().toMillis(), judged.wall().toMillis());

        assertThat(judged.verdict().accepted()).isFalse();
        assertThat(judged.verdict().reasonCode()).isEqualTo(Verdict.TOO_LARGE_IMAGE);
        assertThat(judged.verdict().reasonArgs()).containsExactly(45_000, 45_000, 10_000, 40);
        assertThat(judged.cpu()).as("CPU spent on the bomb").isLessThan(Duration.ofMillis(200));
        assertThat(judged.wall()).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void tooManyPixelsIsRefusedEvenWhenEachSideIsWithinTheLimit() throws Exception {
        Timed judged = inspect(inspector(Map.of()), ImageBombs.png(9_000, 9_000)); // 81 MP > 40 MP
        assertThat(judged.verdict().reasonCode()).isEqualTo(Verdict.TOO_LARGE_IMAGE);
        assertThat(judged.cpu()).isLessThan(Duration.ofMillis(200));
    }

    @Test
    void aJpegWhoseHeaderDeclaresAHugeSizeIsRefusedBeforeDecoding() throws Exception {
        byte[] liar = ImageBombs.jpegDeclaring(picture(800, 600, "jpg"), 60_000, 60_000);
        Timed judged = inspect(inspector(Map.of()), liar);
        assertThat(judged.verdict().reasonCode()).isEqualTo(Verdict.TOO_LARGE_IMAGE);
        assertThat(judged.verdict().reasonArgs()).startsWith(60_000, 60_000);
        assertThat(judged.cpu()).isLessThan(Duration.ofMillis(200));
    }

    @Test
    void theLargestAllowedImageIsDecodedSubsampledWithinTheBudgetAndAccepted() throws Exception {
        // 10,000 x 4,000 = 40 MP: at both limits, accepted; decoded to at most decodeMaxPixels
        Timed judged = inspect(inspector(Map.of()), ImageBombs.png(10_000, 4_000));
        assertThat(judged.verdict().accepted()).as(String.valueOf(judged.verdict())).isTrue();
        assertThat(judged.wall()).isLessThan(Duration.ofSeconds(2));
        assertThat(DocumentInspector.subsampling(10_000, 4_000, 2_000_000L)).isEqualTo(5);
        assertThat(DocumentInspector.subsampling(800, 600, 2_000_000L)).isEqualTo(1);
        assertThat(DocumentInspector.subsampling(10_000, 10_000, 1_000_000L)).isEqualTo(10);
    }

    @Test
    void anImageWhoseDecodingOutlastsTheTimeBudgetIsRefused() throws Exception {
        Timed judged = inspect(inspector(Map.of("maxDecodeTime", Duration.ZERO)), picture(1200, 900, "png"));
        assertThat(judged.verdict().accepted()).isFalse();
        assertThat(judged.verdict().reasonCode()).isEqualTo(Verdict.IMAGE_TOO_COMPLEX);
    }
}
