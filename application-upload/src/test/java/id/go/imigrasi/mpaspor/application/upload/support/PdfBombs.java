package id.go.imigrasi.mpaspor.application.upload.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

/**
 * PDFs made byte by byte for the inspector's limits. {@link #objectStreamBomb} is a well-formed PDF 1.5 whose
 * catalog and page tree live in a compressed object stream followed by {@code paddingBytes} of zeros inside the
 * same stream: a reader must inflate the stream to find the catalog, and PDFBox reads the whole decoded stream into
 * memory. A 128 MiB padding compresses to ~130 KB (zlib reaches ~1:1000 on zeros).
 */
public final class PdfBombs {

    private PdfBombs() {
    }

    public static byte[] objectStreamBomb(long paddingBytes) {
        // the objects inside the stream: 1 = catalog, 2 = pages, 3 = page
        String[] inside = { "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>" };
        StringBuilder header = new StringBuilder();
        StringBuilder bodies = new StringBuilder();
        for (int i = 0; i < inside.length; i++) {
            header.append(i + 1).append(' ').append(bodies.length()).append(' ');
            bodies.append(inside[i]).append('\n');
        }
        byte[] first = (header + "\n" + bodies).getBytes(StandardCharsets.ISO_8859_1);
        int firstOffset = header.length() + 1;
        byte[] compressed = deflate(first, paddingBytes);

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(pdf, "%PDF-1.5\n%\u00e2\u00e3\u00cf\u00d3\n");
        offsets.add(pdf.size()); // object 4: the object stream
        write(pdf, "4 0 obj\n<< /Type /ObjStm /N 3 /First " + firstOffset + " /Filter /FlateDecode /Length "
                + compressed.length + " >>\nstream\n");
        pdf.writeBytes(compressed);
        write(pdf, "\nendstream\nendobj\n");
        int xrefOffset = pdf.size(); // object 5: the cross-reference stream
        // /W [1 4 2]: type, field 2, field 3 per object 0..5
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        entry(entries, 0, 0, 65535);
        entry(entries, 2, 4, 0);
        entry(entries, 2, 4, 1);
        entry(entries, 2, 4, 2);
        entry(entries, 1, offsets.get(0), 0);
        entry(entries, 1, xrefOffset, 0);
        byte[] xref = deflate(entries.toByteArray(), 0);
        write(pdf, "5 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length "
                + xref.length + " >>\nstream\n");
        pdf.writeBytes(xref);
        write(pdf, "\nendstream\nendobj\nstartxref\n" + xrefOffset + "\n%%EOF\n");
        return pdf.toByteArray();
    }

    /** A PDF (classic cross-reference table) with one page and {@code extra} more small objects. */
    public static byte[] manyObjects(int extra) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(pdf, "%PDF-1.4\n");
        List<String> objects = new ArrayList<>(List.of("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"));
        for (int i = 0; i < extra; i++) {
            objects.add("<< /N " + i + " >>");
        }
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.size());
            write(pdf, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = pdf.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        write(pdf, table + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref
                + "\n%%EOF\n");
        return pdf.toByteArray();
    }

    private static void entry(ByteArrayOutputStream out, int type, long field2, int field3) {
        out.write(type);
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (field2 >>> shift) & 0xFF);
        }
        out.write((field3 >>> 8) & 0xFF);
        out.write(field3 & 0xFF);
    }

    private static byte[] deflate(byte[] data, long zeros) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        deflater.setInput(data);
        drain(deflater, out, buffer);
        byte[] block = new byte[1024 * 1024];
        for (long left = zeros; left > 0; left -= block.length) {
            deflater.setInput(block, 0, (int) Math.min(block.length, left));
            drain(deflater, out, buffer);
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static void drain(Deflater deflater, ByteArrayOutputStream out, byte[] buffer) {
        while (!deflater.needsInput()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
