package id.go.imigrasi.mpaspor.billing.domain;

import java.security.SecureRandom;

/**
 * The state's receipt number (Nomor Transaksi Penerimaan Negara): 16 characters, upper-case letters and digits,
 * random (SecureRandom). Unique by the payment table's constraint; 36^16 values make a collision practically
 * impossible, and one would fail the transaction rather than reuse a number.
 */
public final class Ntpn {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ntpn() {
    }

    public static String generate() {
        char[] out = new char[16];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
