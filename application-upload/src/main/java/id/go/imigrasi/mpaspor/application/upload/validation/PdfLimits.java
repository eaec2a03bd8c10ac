package id.go.imigrasi.mpaspor.application.upload.validation;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * What a PDF costs to open, measured on its raw bytes before PDFBox parses it: how many indirect objects it
 * declares, and how many bytes its Flate streams inflate to. A PDF is a container of compressed streams; PDFBox
 * inflates object and cross-reference streams while it opens the file and counts the pages, so a 2 MB upload whose
 * streams inflate to gigabytes (a decompression bomb, ratio ~1:1000 with zlib) would fill the heap there. Each
 * stream is inflated here into a fixed buffer that is thrown away, stopping as soon as the running total passes
 * the limit: the work is bounded by the limit, whatever the file claims. Streams with other filters (images: DCT,
 * JBIG2, CCITT, JPX) are never decoded by the inspection, so their sizes do not count.
 */
final class PdfLimits {

    /** What the scan found, and whether it stopped at a limit. */
    record Scan(int objects, long inflatedBytes, boolean tooManyObjects, boolean inflatesTooMuch) {
    }

    private static final Pattern OBJECT = Pattern.compile("(?<![0-9])\\d{1,10}\\s+\\d{1,5}\\s+obj\\b");
    private static final Pattern STREAM = Pattern.compile("stream(\\r\\n|\\n|\\r)");
    private static final String FLATE = "/FlateDecode";
    private static final int DICTIONARY_LOOKBACK = 2048;

    private PdfLimits() {
    }

    static Scan scan(byte[] pdf, int maxObjects, long maxInflatedBytes) {
        // ISO-8859-1 maps each byte to one char: offsets in the string are offsets in the file
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int objects = 0;
        Matcher object = OBJECT.matcher(text);
        while (object.find()) {
            if (++objects > maxObjects) {
                return new Scan(objects, 0, true, false);
            }
        }
        long inflated = 0;
        byte[] sink = new byte[64 * 1024];
        Matcher stream = STREAM.matcher(text);
        while (stream.find()) {
            if (stream.start() >= 3 && text.startsWith("end", stream.start() - 3)) {
                continue; // "endstream"
            }
            int dictionaryStart = Math.max(0, stream.start() - DICTIONARY_LOOKBACK);
            String before = text.substring(dictionaryStart, stream.start());
            int dictionary = before.lastIndexOf("obj");
            if (!before.substring(Math.max(0, dictionary)).contains(FLATE)) {
                continue;
            }
            Inflater inflater = new Inflater();
            try {
                inflater.setInput(pdf, stream.end(), pdf.length - stream.end());
                while (!inflater.finished() && !inflater.needsInput() && !inflater.needsDictionary()) {
                    int n = inflater.inflate(sink);
                    inflated += n;
                    if (inflated > maxInflatedBytes) {
                        return new Scan(objects, inflated, false, true);
                    }
                    if (n == 0 && inflater.getRemaining() == 0) {
                        break;
                    }
                }
            } catch (DataFormatException damaged) {
                // not a valid zlib stream: PDFBox decides whether the file is readable
            } finally {
                inflater.end();
            }
        }
        return new Scan(objects, inflated, false, false);
    }
}
