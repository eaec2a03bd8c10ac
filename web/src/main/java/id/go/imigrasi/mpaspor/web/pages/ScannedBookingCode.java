package id.go.imigrasi.mpaspor.web.pages;

/**
 * What the desk's QR scanner takes as a booking code: the applicant's QR code holds the booking code alone (the
 * API's {@code /appointments/{id}/qr.png}), 8 characters of biometric-service's alphabet without the look-alikes
 * 0/O and 1/I ({@code BookingCode} there). The scanner (kantor-scan.js) gets {@link #PATTERN} from the page and
 * refuses any other content before anything is sent; whether the code is booked here today stays the API's answer.
 */
public final class ScannedBookingCode {

    /** One booking code, upper case, nothing around it (the script trims and upper-cases what it read first). */
    public static final String PATTERN = "[A-HJ-NP-Z2-9]{8}";

    private ScannedBookingCode() {
    }
}
