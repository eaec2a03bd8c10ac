package id.go.imigrasi.mpaspor.application.upload.validation;

import java.util.List;

/**
 * The judgement of one uploaded document: accepted with the content type found in its bytes, or rejected with
 * a stable reason code (message key {@code upload.rejected.<code>}) and the values its texts need.
 */
public record Verdict(boolean accepted, String contentType, String reasonCode, List<Object> reasonArgs) {

    public static final String WRONG_TYPE = "wrong-type";
    public static final String TOO_LARGE = "too-large";
    public static final String TOO_SMALL_IMAGE = "too-small-image";
    public static final String CORRUPT = "corrupt";
    public static final String TOO_MANY_PAGES = "too-many-pages";
    /** The header declares more pixels than allowed (a decompression bomb, or a needlessly large scan). */
    public static final String TOO_LARGE_IMAGE = "too-large-image";
    /** Decoding the image took longer than its time budget. */
    public static final String IMAGE_TOO_COMPLEX = "image-too-complex";
    /** A PDF whose compressed streams inflate beyond the limit (a decompression bomb). */
    public static final String PDF_INFLATES_TOO_MUCH = "pdf-inflates-too-much";
    /** A PDF with more objects than allowed, or that took longer than the time budget to open. */
    public static final String PDF_TOO_COMPLEX = "pdf-too-complex";

    public static Verdict accept(String contentType) {
        return new Verdict(true, contentType, null, List.of());
    }

    public static Verdict reject(String contentType, String reasonCode, Object... args) {
        return new Verdict(false, contentType, reasonCode, List.of(args));
    }
}
