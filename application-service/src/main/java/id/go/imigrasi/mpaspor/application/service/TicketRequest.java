package id.go.imigrasi.mpaspor.application.service;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A helpdesk ticket as the applicant opens it (Helpdesk.open); every offending field is answered at once (400). */
@Schema(description = "A helpdesk ticket about this application: what about, a subject and the first message")
public record TicketRequest(
        @Schema(required = true, enumeration = { "PAYMENT", "DOCUMENT", "APPOINTMENT", "DATA_CORRECTION",
                "PASSPORT_DELIVERY", "OTHER" }, description = "What it is about (read case-insensitively)",
                examples = "PAYMENT") String category,
        @Schema(required = true, minLength = 1, maxLength = 150, description = "Not blank, at most"
                + " mpaspor.application.helpdesk.subject-max-length (150) characters (stored trimmed)",
                examples = "Sudah bayar tetapi status belum berubah") String subject,
        @Schema(required = true, minLength = 1, maxLength = 4000, description = "Not blank, at most"
                + " mpaspor.application.helpdesk.message-max-length (4000) characters (stored trimmed)",
                examples = "Saya membayar di ATM pukul 10.15 tetapi status masih menunggu pembayaran.") String message,
        @Schema(maxItems = 5, description = TicketRequest.ATTACHMENTS) List<String> uploadIds) {

    static final String ATTACHMENTS = "Optional: ids of uploads already made for this application's documents"
            + " (each must be one of this application's; at most mpaspor.application.helpdesk.max-attachments, 5)."
            + " A new file goes through the usual document upload (tus, upload-service) first";

    /** A reply on a ticket, by the applicant or the office (Helpdesk.reply). */
    @Schema(name = "TicketReply", description = "A message on a ticket")
    public record Reply(
            @Schema(required = true, minLength = 1, maxLength = 4000, description = "Not blank, at most"
                    + " mpaspor.application.helpdesk.message-max-length (4000) characters (stored trimmed)",
                    examples = "Terima kasih, sudah jelas.") String message,
            @Schema(maxItems = 5, description = ATTACHMENTS) List<String> uploadIds) {
    }
}
