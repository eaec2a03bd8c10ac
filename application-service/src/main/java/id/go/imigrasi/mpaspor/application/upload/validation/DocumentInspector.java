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
import javax.imageio.stream.ImageInputStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;

import id.go.imigrasi.mpaspor.application.upload.config.UploadConfig;

/**
 * Judges an uploaded document by its content, never by its name: the type from its first bytes (JPEG, PNG or
 * PDF), its size, an image's dimensions (and that its pixels decode), a PDF's page count (and that it parses).
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
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                // decode every pixel row (subsampled, to bound memory): a truncated or damaged file fails here
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(8, 8, 0, 0);
                BufferedImage decoded = reader.read(0, param);
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

    private Verdict inspectPdf(InputStream in) {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(in))) {
            int pages = document.getNumberOfPages();
            if (pages < 1) {
                return Verdict.reject(PDF, Verdict.CORRUPT);
            }
            if (pages > limits.maxPdfPages()) {
                return Verdict.reject(PDF, Verdict.TOO_MANY_PAGES, pages, limits.maxPdfPages());
            }
            return Verdict.accept(PDF);
        } catch (IOException | RuntimeException damaged) {
            return Verdict.reject(PDF, Verdict.CORRUPT);
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
