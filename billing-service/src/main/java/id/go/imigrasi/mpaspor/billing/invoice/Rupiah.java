package id.go.imigrasi.mpaspor.billing.invoice;

/** Whole rupiah the Indonesian way: {@code Rp 1.650.000} (dot as thousands separator, no decimals). */
public final class Rupiah {

    private Rupiah() {
    }

    public static String format(long amount) {
        String digits = Long.toString(Math.abs(amount));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append('.');
            }
            out.append(digits.charAt(i));
        }
        return (amount < 0 ? "-Rp " : "Rp ") + out;
    }
}
