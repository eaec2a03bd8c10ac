package id.go.imigrasi.mpaspor.billing.invoice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;

import id.go.imigrasi.mpaspor.billing.config.BillingConfig;
import id.go.imigrasi.mpaspor.billing.domain.Bill;
import id.go.imigrasi.mpaspor.billing.domain.BillLine;

/**
 * The invoice (Apache PDFBox, one A4 page): applicants and line items, the total in rupiah, the billing code as
 * text, Code 128 barcode and QR code, the deadline with its time zone, and the channels to pay through. CPU
 * work: call it off the event loop.
 */
@ApplicationScoped
public class InvoiceRenderer {

    private static final Locale ID = Locale.forLanguageTag("id-ID");
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy 'pukul' HH.mm", ID);
    private static final Map<String, String> ZONE_NAMES = Map.of("Asia/Jakarta", "WIB", "Asia/Pontianak", "WIB",
            "Asia/Makassar", "WITA", "Asia/Jayapura", "WIT");
    private static final float MARGIN = 50;

    private final BillingConfig config;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);

    public InvoiceRenderer(BillingConfig config) {
        this.config = config;
    }

    /** "Sabtu, 21 November 2026 pukul 18.30 WIB (UTC+07:00)" */
    public static String deadline(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        String offset = local.getOffset().getId().equals("Z") ? "+00:00" : local.getOffset().getId();
        return DEADLINE.format(local) + " " + ZONE_NAMES.getOrDefault(zone.getId(), zone.getId()) + " (UTC" + offset + ")";
    }

    public byte[] render(Bill bill, List<BillLine> lines) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Tagihan PNBP Paspor " + bill.billingCode);
            info.setSubject("Kode billing " + bill.billingCode + ", total " + Rupiah.format(bill.amount));
            info.setAuthor("Direktorat Jenderal Imigrasi - M-Paspor");
            Calendar created = GregorianCalendar.from(bill.issuedAt.atZone(config.timeZone()));
            created.setTimeZone(TimeZone.getTimeZone(config.timeZone()));
            info.setCreationDate(created);
            float width = page.getMediaBox().getWidth();
            float right = width - MARGIN;
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = page.getMediaBox().getHeight() - MARGIN;
                text(cs, bold, 10, MARGIN, y, "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA");
                y -= 13;
                text(cs, regular, 10, MARGIN, y, "Direktorat Jenderal Imigrasi - M-Paspor");
                y -= 28;
                text(cs, bold, 16, MARGIN, y, "TAGIHAN PEMBAYARAN PNBP PASPOR");
                y -= 14;
                text(cs, regular, 9, MARGIN, y, "Invoice - Penerimaan Negara Bukan Pajak (PP 45/2024), dibayar melalui SIMPONI");
                y -= 30;

                text(cs, regular, 10, MARGIN, y, "Kode billing");
                text(cs, mono, 20, MARGIN + 110, y - 2, bill.billingCode);
                y -= 24;
                y = field(cs, y, "Nomor permohonan", bill.applicationId);
                if (bill.officeCode != null) {
                    y = field(cs, y, "Kantor imigrasi", bill.officeCode);
                }
                y = field(cs, y, "Diterbitkan", deadline(bill.issuedAt, config.timeZone()));
                y = field(cs, y, "Status", switch (bill.status) {
                    case ISSUED -> "BELUM DIBAYAR";
                    case PAID -> "LUNAS";
                    case EXPIRED -> "KEDALUWARSA (tidak dapat dibayar lagi)";
                    case CANCELLED -> "DIBATALKAN (tidak dapat dibayar lagi)";
                });

                // barcode (Code 128) and QR code of the billing code, right-aligned at the top
                float qrSize = 96;
                drawMatrix(cs, qr(bill.billingCode), right - qrSize, page.getMediaBox().getHeight() - MARGIN - qrSize,
                        qrSize, qrSize);
                BitMatrix bars = code128(bill.billingCode);
                float barWidth = 1.1f * bars.getWidth();
                drawMatrix(cs, bars, MARGIN + 100, y - 30, barWidth, 34);
                text(cs, regular, 8, MARGIN + 110, y - 40, bill.billingCode);
                y -= 66;

                // line items
                line(cs, MARGIN, y + 12, right);
                text(cs, bold, 9, MARGIN, y, "No");
                text(cs, bold, 9, MARGIN + 25, y, "Pemohon");
                text(cs, bold, 9, MARGIN + 190, y, "Uraian");
                textRight(cs, bold, 9, right, y, "Jumlah");
                line(cs, MARGIN, y - 5, right);
                y -= 18;
                for (BillLine l : lines) {
                    text(cs, regular, 9, MARGIN, y, Integer.toString(l.lineNo));
                    text(cs, regular, 9, MARGIN + 25, y, fit(regular, 9, l.applicantName, 160));
                    text(cs, regular, 9, MARGIN + 190, y, fit(regular, 9, l.description, 230));
                    textRight(cs, regular, 9, right, y, Rupiah.format(l.amount));
                    y -= 15;
                }
                line(cs, MARGIN, y + 9, right);
                y -= 6;
                text(cs, bold, 12, MARGIN + 190, y, "TOTAL");
                textRight(cs, bold, 12, right, y, Rupiah.format(bill.amount));
                y -= 30;

                text(cs, bold, 10, MARGIN, y, "Batas waktu pembayaran");
                y -= 14;
                text(cs, bold, 11, MARGIN, y, deadline(bill.expiresAt, config.timeZone()));
                y -= 13;
                text(cs, regular, 9, MARGIN, y, "Lewat batas waktu, tagihan kedaluwarsa dan kuota kedatangan dilepas; "
                        + "pembayaran yang terlambat dikembalikan.");
                y -= 26;

                text(cs, bold, 10, MARGIN, y, "Bayar tepat sejumlah total melalui salah satu saluran berikut:");
                y -= 14;
                for (String channel : config.channelList()) {
                    text(cs, regular, 9, MARGIN + 10, y, "- " + config.channel().get(channel).name());
                    y -= 12;
                }
                y -= 12;
                text(cs, regular, 8, MARGIN, y, "Simpan bukti bayar dengan NTPN (Nomor Transaksi Penerimaan Negara). "
                        + "Tagihan ini sah tanpa tanda tangan.");
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float field(PDPageContentStream cs, float y, String label, String value) throws IOException {
        text(cs, regular, 10, MARGIN, y, label);
        text(cs, regular, 10, MARGIN + 110, y, value);
        return y - 14;
    }

    private void text(PDPageContentStream cs, PDType1Font font, float size, float x, float y, String s)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(encodable(font, s));
        cs.endText();
    }

    private void textRight(PDPageContentStream cs, PDType1Font font, float size, float right, float y, String s)
            throws IOException {
        String safe = encodable(font, s);
        text(cs, font, size, right - font.getStringWidth(safe) / 1000 * size, y, safe);
    }

    private static void line(PDPageContentStream cs, float x, float y, float right) throws IOException {
        cs.setLineWidth(0.5f);
        cs.moveTo(x, y);
        cs.lineTo(right, y);
        cs.stroke();
    }

    private String fit(PDType1Font font, float size, String s, float maxWidth) throws IOException {
        String safe = encodable(font, s);
        if (font.getStringWidth(safe) / 1000 * size <= maxWidth) {
            return safe;
        }
        while (!safe.isEmpty() && font.getStringWidth(safe + "...") / 1000 * size > maxWidth) {
            safe = safe.substring(0, safe.length() - 1);
        }
        return safe + "...";
    }

    /** The standard fonts speak WinAnsi: keep what they can show, strip accents they cannot, '?' for the rest. */
    static String encodable(PDType1Font font, String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (Character.isISOControl(cp)) {
                out.append(' ');
            } else if (canEncode(font, ch)) {
                out.append(ch);
            } else {
                String base = Normalizer.normalize(ch, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                out.append(!base.isEmpty() && canEncode(font, base) ? base : "?");
            }
        });
        return out.toString();
    }

    private static boolean canEncode(PDType1Font font, String s) {
        try {
            font.encode(s);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private static void drawMatrix(PDPageContentStream cs, BitMatrix m, float x, float y, float w, float h)
            throws IOException {
        float cellW = w / m.getWidth();
        float cellH = h / m.getHeight();
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) {
                    // PDF's y axis points up; the matrix's row 0 is the top
                    cs.addRect(x + col * cellW, y + h - (row + 1) * cellH, cellW, cellH);
                }
            }
        }
        cs.fill();
    }

    private static BitMatrix qr(String content) {
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BitMatrix code128(String content) {
        return new Code128Writer().encode(content, BarcodeFormat.CODE_128, 0, 1, Map.of(EncodeHintType.MARGIN, 10));
    }
}
