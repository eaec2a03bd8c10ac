package id.go.imigrasi.mpaspor.application.upload.validation;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.stream.ImageInputStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;

import id.go.imigrasi.mpaspor.application.upload.config.UploadConfig;

/**
 * Judges an uploaded document by its content, never by its name: the type from its first bytes (JPEG, PNG or
 * PDF), its size, an image's dimensions (and that its pixels decode), a PDF's page count (and that it parses).
 * An image's size is read from its header and checked against the maximum before any pixel is decoded; the
 * decoding itself is subsampled (bounded memory) and aborted past a time budget (bounded CPU).
 * Blocking: runs on a worker thread.
 */
@ApplicationScoped
public class DocumentInspector {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String PDF = "application/pdf";

    private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
    private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
    private static final byte[] PDF_MAGIC = { '%', 'P', 'D', 'F', '-' };

    private final UploadConfig.Validation limits;

    public DocumentInspector(UploadConfig config) {
        this.limits = config.validation();
    }

    /** @param size the size the upload declared (and the store holds) */
    public Verdict inspect(InputStream content, long size) throws IOException {
        if (size > limits.maxBytes()) {
            return Verdict.reject(null, Verdict.TOO_LARGE, limits.maxBytes() / (1024 * 1024));
        }
        BufferedInputStream in = new BufferedInputStream(content);
        in.mark(16);
        byte[] head = in.readNBytes(8);
        in.reset();
        String type = typeOf(head);
        if (type == null) {
            return Verdict.reject(null, Verdict.WRONG_TYPE);
        }
        return PDF.equals(type) ? inspectPdf(in) : inspectImage(in, type);
    }

    static String typeOf(byte[] head) {
        if (startsWith(head, JPEG_MAGIC)) {
            return JPEG;
        }
        if (startsWith(head, PNG_MAGIC)) {
            return PNG;
        }
        if (startsWith(head, PDF_MAGIC)) {
            return PDF;
        }
        return null;
    }

    private Verdict inspectImage(InputStream in, String type) throws IOException {
        try (ImageInputStream image = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(image);
            if (!readers.hasNext()) {
                return Verdict.reject(type, Verdict.CORRUPT);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(image, true, true);
                // decoders report a truncated or damaged stream as a warning ("premature end of data") and fill
                // in grey: for a document that is corrupt
                AtomicBoolean damaged = new AtomicBoolean();
                reader.addIIOReadWarningListener((source, warning) -> damaged.set(true));
                // the size as the header declares it (PNG IHDR, JPEG SOF), read without decoding a pixel: a
                // decompression bomb (a few KB that expand to gigapixels) is refused here, before it costs anything
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > limits.maxImageSide() || height > limits.maxImageSide()
                        || (long) width * height > limits.maxImageMegapixels() * 1_000_000L) {
                    return Verdict.reject(type, Verdict.TOO_LARGE_IMAGE, width, height, limits.maxImageSide(),
                            limits.maxImageMegapixels());
                }
                // decode every pixel row (a truncated or damaged file fails here), into at most decodeMaxPixels
                // (subsampled: bounded memory) and within maxDecodeTime (the reader is aborted past it)
                int step = subsampling(width, height, limits.decodeMaxPixels());
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                DecodeBudget budget = new DecodeBudget(System.nanoTime() + limits.maxDecodeTime().toNanos());
                reader.addIIOReadProgressListener(budget);
                BufferedImage decoded = reader.read(0, param);
                if (budget.exceeded) {
                    return Verdict.reject(type, Verdict.IMAGE_TOO_COMPLEX);
                }
                if (decoded == null || damaged.get()) {
                    return Verdict.reject(type, Verdict.CORRUPT);
                }
                int longSide = Math.max(width, height);
                int shortSide = Math.min(width, height);
                if (longSide < limits.minImageLongSide() || shortSide < limits.minImageShortSide()) {
                    return Verdict.reject(type, Verdict.TOO_SMALL_IMAGE, width, height, limits.minImageLongSide(),
                            limits.minImageShortSide());
                }
                return Verdict.accept(type);
            } catch (IOException | RuntimeException damaged) {
                return Verdict.reject(type, Verdict.CORRUPT);
            } finally {
                reader.dispose();
            }
        }
    }

    /** The smallest subsampling step (every n-th pixel of every n-th row) that decodes at most {@code maxPixels}. */
    static int subsampling(int width, int height, long maxPixels) {
        int step = 1;
        while ((long) ceilDiv(width, step) * ceilDiv(height, step) > Math.max(1, maxPixels)) {
            step++;
        }
        return step;
    }

    private static int ceilDiv(int value, int step) {
        return (value + step - 1) / step;
    }

    /**
     * Aborts the reader once its deadline has passed. Decoders report progress row by row and check for an abort
     * as often, so the decoding stops within a row of the deadline.
     */
    private static final class DecodeBudget implements IIOReadProgressListener {

        private final long deadline;
        private volatile boolean exceeded;

        DecodeBudget(long deadline) {
            this.deadline = deadline;
        }

        private void check(ImageReader source) {
            if (!exceeded && System.nanoTime() - deadline >= 0) {
                exceeded = true;
                source.abort();
            }
        }

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {
            check(source);
        }

        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            check(source);
        }

        @Override
        public void imageComplete(ImageReader source) {
        }

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {
        }

        @Override
        public void sequenceComplete(ImageReader source) {
        }

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
        }

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {
        }

        @Override
        public void thumbnailComplete(ImageReader source) {
        }

        @Override
        public void readAborted(ImageReader source) {
        }
    }

    /**
     * A PDF is judged in four bounded steps: its raw bytes are scanned ({@link PdfLimits}: at most
     * {@code max-pdf-objects} indirect objects, its Flate streams inflate to at most {@code max-pdf-inflated-bytes},
     * counted into a throw-away buffer); PDFBox then opens it with a main-memory-only stream cache capped at
     * {@code max-pdf-memory} (no temporary files) and counts its pages, within {@code max-decode-time}; finally the
     * page count. Beyond any limit it is refused with its own reason, before PDFBox sees a bomb.
     */
    private Verdict inspectPdf(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes()) + 1);
        PdfLimits.Scan scan = PdfLimits.scan(bytes, limits.maxPdfObjects(), limits.maxPdfInflatedBytes());
        if (scan.tooManyObjects()) {
            return Verdict.reject(PDF, Verdict.PDF_TOO_COMPLEX);
        }
        if (scan.inflatesTooMuch()) {
            return Verdict.reject(PDF, Verdict.PDF_INFLATES_TOO_MUCH, limits.maxPdfInflatedBytes() / (1024 * 1024));
        }
        long deadline = System.nanoTime() + limits.maxDecodeTime().toNanos();
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(bytes),
                MemoryUsageSetting.setupMainMemoryOnly(limits.maxPdfMemory()).streamCache)) {
            int pages = document.getNumberOfPages();
            if (System.nanoTime() - deadline > 0) {
                return Verdict.reject(PDF, Verdict.PDF_TOO_COMPLEX);
            }
            if (pages < 1) {
                return Verdict.reject(PDF, Verdict.CORRUPT);
            }
            if (pages > limits.maxPdfPages()) {
                return Verdict.reject(PDF, Verdict.TOO_MANY_PAGES, pages, limits.maxPdfPages());
            }
            return Verdict.accept(PDF);
        } catch (IOException | RuntimeException | OutOfMemoryError damaged) {
            return Verdict.reject(PDF, Verdict.CORRUPT);
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
