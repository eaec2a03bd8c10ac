package id.go.imigrasi.mpaspor.account.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The human-readable copy of a data export (issue 23): the same content as the JSON, as a PDF a person can read and
 * print. Each service is a section, each kind of data a heading, each row its fields one per line ("name: value"),
 * long values wrapped; pages are added as needed. The standard fonts speak WinAnsi: accents they cannot show are
 * stripped and anything else becomes '?', so every name stays legible.
 */
@ApplicationScoped
public class ExportPdf {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    /** Texts of the document in its language. */
    public record Texts(String title, String intro, Map<String, String> sections) {
    }

    public byte[] render(JsonNode export, Texts texts) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(texts.title());
            info.setCreator("M-Paspor");
            Writer writer = new Writer(document);
            writer.line(writer.bold, 16, texts.title(), 0);
            writer.gap(6);
            for (String line : wrap(writer.regular, 10, texts.intro(), WIDTH)) {
                writer.line(writer.regular, 10, line, 0);
            }
            writer.line(writer.regular, 10, "exportId: " + export.path("exportId").asText(), 0);
            writer.line(writer.regular, 10, "generatedAt: " + export.path("generatedAt").asText(), 0);
            for (Iterator<Map.Entry<String, JsonNode>> sections = export.path("data").fields(); sections.hasNext();) {
                Map.Entry<String, JsonNode> section = sections.next();
                writer.gap(12);
                writer.line(writer.bold, 13, texts.sections().getOrDefault(section.getKey(), section.getKey()), 0);
                for (Iterator<Map.Entry<String, JsonNode>> kinds = section.getValue().fields(); kinds.hasNext();) {
                    Map.Entry<String, JsonNode> kind = kinds.next();
                    writer.gap(6);
                    writer.line(writer.bold, 10, kind.getKey() + " (" + kind.getValue().size() + ")", 0);
                    int n = 0;
                    for (JsonNode row : kind.getValue()) {
                        writer.gap(3);
                        writer.line(writer.bold, 8, "#" + (++n), 8);
                        for (Iterator<Map.Entry<String, JsonNode>> fields = row.fields(); fields.hasNext();) {
                            Map.Entry<String, JsonNode> field = fields.next();
                            String value = field.getValue().isNull() ? "-"
                                    : field.getValue().isValueNode() ? field.getValue().asText()
                                            : field.getValue().toString();
                            List<String> lines = wrap(writer.regular, 8, field.getKey() + ": " + value, WIDTH - 16);
                            for (String line : lines) {
                                writer.line(writer.regular, 8, line, 16);
                            }
                        }
                    }
                }
            }
            writer.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes lines down the page, starting a new page when the current one is full. */
    private static final class Writer {
        final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private final PDDocument document;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void gap(float points) {
            y -= points;
        }

        void line(PDType1Font font, float size, String text, float indent) throws IOException {
            if (y - size < MARGIN) {
                newPage();
            }
            y -= size * 1.3f;
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN + indent, y);
            stream.showText(encodable(font, text));
            stream.endText();
        }

        void close() throws IOException {
            stream.close();
        }
    }

    /** Splits {@code text} into lines no wider than {@code width}, at spaces where it can, anywhere where it must. */
    static List<String> wrap(PDType1Font font, float size, String text, float width) throws IOException {
        String safe = encodable(font, text);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : safe.split(" ", -1)) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (font.getStringWidth(rest) / 1000 * size > width) {
                int cut = rest.length() - 1;
                while (cut > 1 && font.getStringWidth(rest.substring(0, cut)) / 1000 * size > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        lines.add(line.toString());
        return lines;
    }

    private static String encodable(PDType1Font font, String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                out.append(' ');
            } else if (canShow(font, ch)) {
                out.append(ch);
            } else {
                String plain = Normalizer.normalize(ch, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                out.append(!plain.isEmpty() && canShow(font, plain) ? plain : "?");
            }
        });
        return out.toString();
    }

    private static boolean canShow(PDType1Font font, String ch) {
        try {
            font.encode(ch);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
