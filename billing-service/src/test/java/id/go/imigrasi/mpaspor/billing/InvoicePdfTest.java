package id.go.imigrasi.mpaspor.billing;

import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.adult;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.application;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.channel;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.issue;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.newId;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.rows;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.awt.image.BufferedImage;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import id.go.imigrasi.mpaspor.billing.invoice.InvoiceRenderer;
import id.go.imigrasi.mpaspor.billing.support.BillingFixtures.IssuedBill;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The invoice is a real PDF an applicant can read and a teller can scan. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "billing"))
class InvoicePdfTest {

    private static byte[] invoice(String accountId, String code) {
        return given().auth().oauth2(TestJwt.applicant(accountId)).when().get("/bills/{code}/invoice.pdf", code)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
    }

    @Test
    void invoiceShowsApplicantsLinesTotalCodeDeadlineAndChannelsAndItsQrCodeScansToTheCode() throws Exception {
        String owner = newId("acc");
        IssuedBill bill = issue(application(owner,
                adult("Budi Santoso", "ORDINARY", 5, true),
                adult("Siti Rahmawati", "ELECTRONIC", 10, false),
                adult("Zoë Ñañez-Ćosić", "ELECTRONIC", 5, false)));
        Instant expiresAt = ((Timestamp) rows("SELECT expires_at FROM bill WHERE billing_code = ?", bill.billingCode())
                .get(0).get("expires_at")).toInstant();

        byte[] pdf = invoice(owner, bill.billingCode());

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(bill.billingCode())
                    .contains("Rp 2.950.000")
                    .contains("Rp 1.000.000").contains("Rp 950.000").contains("Rp 650.000").contains("Rp 350.000")
                    .contains("Budi Santoso").contains("Siti Rahmawati").contains("Zoë Ñañez-Cosic") // WinAnsi keeps ë and ñ; Ć loses its accent
                    .contains("Paspor biasa, masa berlaku 5 tahun").contains("Layanan percepatan")
                    .contains(InvoiceRenderer.deadline(expiresAt, ZoneId.of("Asia/Jakarta")))
                    .contains("WIB (UTC+07:00)")
                    .contains("BELUM DIBAYAR")
                    .contains("Teller bank persepsi").contains("ATM").contains("Internet banking")
                    .contains("Kantor Pos Indonesia").contains("Indomaret").contains("Alfamart").contains("Marketplace");

            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 200);
            BufferedImage topRight = page.getSubimage(page.getWidth() / 2, 0, page.getWidth() / 2, page.getHeight() / 4);
            int[] pixels = topRight.getRGB(0, 0, topRight.getWidth(), topRight.getHeight(), null, 0, topRight.getWidth());
            String scanned = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(topRight.getWidth(), topRight.getHeight(), pixels)))).getText();
            assertThat(scanned).isEqualTo(bill.billingCode());
        }
    }

    @Test
    void paidInvoiceSaysSo() throws Exception {
        String owner = newId("acc");
        IssuedBill bill = issue(application(owner, adult("Rina Kusuma", "ORDINARY", 10, false)));
        assertThat(channel("atm").pay(bill.billingCode(), 650_000, newId("ATM")).status()).isEqualTo(200);

        try (PDDocument doc = Loader.loadPDF(invoice(owner, bill.billingCode()))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("LUNAS").contains("Rp 650.000");
        }
    }

    @Test
    void onlyTheOwnerGetsTheInvoice() {
        IssuedBill bill = issue(application(newId("acc"), adult("Hendra Gunawan", "ORDINARY", 5, false)));
        given().auth().oauth2(TestJwt.applicant(newId("other"))).when()
                .get("/bills/{code}/invoice.pdf", bill.billingCode())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/bill-not-found"));
        given().when().get("/bills/{code}/invoice.pdf", bill.billingCode()).then().statusCode(401);
        given().auth().oauth2(TestJwt.admin(newId("ops"))).when().get("/bills/{code}/invoice.pdf", bill.billingCode())
                .then().statusCode(200).contentType("application/pdf");
    }
}
