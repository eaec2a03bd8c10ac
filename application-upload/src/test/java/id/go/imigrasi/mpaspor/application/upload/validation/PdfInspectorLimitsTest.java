package id.go.imigrasi.mpaspor.application.upload.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.upload.config.UploadConfig;
import id.go.imigrasi.mpaspor.application.upload.support.PdfBombs;

/**
 * Decompression bombs in PDFs (issue 25 item 5, extended to PDFs by issue 24): what the inspector does with a PDF is
 * bounded in memory and time, and a PDF beyond the limits is refused with its own reason. The bomb is made in the
 * test: a 128 MiB object stream holding the catalog, ~130 KB on disk.
 */
class PdfInspectorLimitsTest {

    private static final long BOMB_PADDING = 128L * 1024 * 1024;

    private static DocumentInspector inspector(Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>(Map.of("maxBytes", 10L * 1024 * 1024, "minImageLongSide", 600,
                "minImageShortSide", 400, "maxPdfPages", 20, "maxImageSide", 10_000, "maxImageMegapixels", 40,
                "decodeMaxPixels", 2_000_000L, "maxDecodeTime", Duration.ofSeconds(2)));
        values.put("maxPdfObjects", 20_000);
        values.put("maxPdfInflatedBytes", 64L * 1024 * 1024);
        values.put("maxPdfMemory", 64L * 1024 * 1024);
        values.putAll(overrides);
        UploadConfig.Validation validation = (UploadConfig.Validation) Proxy.newProxyInstance(
                PdfInspectorLimitsTest.class.getClassLoader(), new Class<?>[] { UploadConfig.Validation.class },
                (proxy, method, args) -> values.get(method.getName()));
        UploadConfig config = (UploadConfig) Proxy.newProxyInstance(PdfInspectorLimitsTest.class.getClassLoader(),
                new Class<?>[] { UploadConfig.class }, (proxy, method, args) -> validation);
        return new DocumentInspector(config);
    }

    /** Bytes this thread allocated while running {@code work} (HotSpot's per-thread counter). */
    private static long allocatedBy(Runnable work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
                .getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        work.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private static Verdict inspect(DocumentInspector inspector, byte[] pdf) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> inspector.inspect(new ByteArrayInputStream(pdf), pdf.length));
    }

    @Test
    void theBombIsAValidPdfWhoseOpeningFillsTheHeapWithoutTheLimits() throws Exception {
        byte[] bomb = PdfBombs.objectStreamBomb(BOMB_PADDING);
        assertThat(bomb.length).as("fits the 2 MB upload limit").isLessThan(2 * 1024 * 1024);
        // the hole: PDFBox, as the inspector called it before, reads the whole inflated object stream to find the
        // catalog (and counts the page in it)
        long allocated = allocatedBy(() -> {
            try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(bomb))) {
                assertThat(document.getNumberOfPages()).isEqualTo(1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(allocated).as("bytes allocated to open a %d-byte PDF", bomb.length)
                .isGreaterThan(BOMB_PADDING);
    }

    @Test
    void aPdfWhoseStreamsInflateBeyondTheLimitIsRefusedBeforeItIsOpened() {
        byte[] bomb = PdfBombs.objectStreamBomb(BOMB_PADDING);
        DocumentInspector inspector = inspector(Map.of("maxPdfInflatedBytes", 16L * 1024 * 1024));
        Verdict[] verdict = new Verdict[1];
        long allocated = allocatedBy(() -> verdict[0] = inspect(inspector, bomb));
        assertThat(verdict[0].accepted()).isFalse();
        assertThat(verdict[0].reasonCode()).isEqualTo(Verdict.PDF_INFLATES_TOO_MUCH);
        assertThat(verdict[0].reasonArgs()).containsExactly(16L);
        assertThat(allocated).as("what the refusal cost").isLessThan(BOMB_PADDING / 4);
    }

    @Test
    void theSamePdfWithAModestStreamIsAccepted() {
        Verdict verdict = inspect(inspector(Map.of()), PdfBombs.objectStreamBomb(1024 * 1024));
        assertThat(verdict.accepted()).as("%s", verdict).isTrue();
        assertThat(verdict.contentType()).isEqualTo(DocumentInspector.PDF);
    }

    @Test
    void aPdfWithMoreObjectsThanAllowedIsRefusedUnparsed() {
        DocumentInspector inspector = inspector(Map.of("maxPdfObjects", 100));
        assertThat(inspect(inspector, PdfBombs.manyObjects(50)).accepted()).isTrue();
        Verdict verdict = inspect(inspector, PdfBombs.manyObjects(200));
        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.reasonCode()).isEqualTo(Verdict.PDF_TOO_COMPLEX);
    }

    @Test
    void anOrdinaryPdfWrittenByPdfBoxIsAcceptedAndTooManyPagesStillCount() throws Exception {
        assertThat(inspect(inspector(Map.of()), pdfWithPages(2)).accepted()).isTrue();
        Verdict verdict = inspect(inspector(Map.of("maxPdfPages", 3)), pdfWithPages(4));
        assertThat(verdict.reasonCode()).isEqualTo(Verdict.TOO_MANY_PAGES);
        assertThat(verdict.reasonArgs()).containsExactly(4, 3);
    }

    private static byte[] pdfWithPages(int pages) throws Exception {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
