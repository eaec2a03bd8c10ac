package id.go.imigrasi.mpaspor.billing.domain;

import java.math.BigInteger;

/**
 * The 15-digit billing code (kode billing) an applicant pays with.
 *
 * <pre>
 *   P  NNNNNNNNNNNNN  C
 *   |  |              '-- check digit: Luhn (mod 10) over the 14 digits before it
 *   |  '----------------- 13 digits: the database sequence value s, scrambled as (s * A + B) mod 10^13
 *   '-------------------- prefix digit (mpaspor.billing.code-prefix, default 8)
 * </pre>
 *
 * Uniqueness: s comes from the sequence {@code billing_code_seq}, which never cycles, and the scrambling is a
 * bijection on [0, 10^13) because A is coprime with 10^13; so distinct sequence values give distinct codes and
 * a code is never reused. The table's unique constraint is the second guard. The scrambling keeps consecutive
 * bills from having consecutive codes (a typo lands on an unissued code, not on the neighbour's bill). The Luhn
 * digit detects every single-digit error and almost every swap of adjacent digits.
 */
public final class BillingCode {

    public static final int LENGTH = 15;
    static final BigInteger SPACE = BigInteger.TEN.pow(13);
    /** Odd and not a multiple of 5: coprime with 10^13. */
    static final BigInteger A = new BigInteger("3141592653589");
    static final BigInteger B = new BigInteger("2718281828459");

    private BillingCode() {
    }

    /** The code of the {@code sequence}-th bill. */
    public static String of(int prefix, long sequence) {
        if (prefix < 1 || prefix > 9) {
            throw new IllegalArgumentException("prefix must be a digit 1..9: " + prefix);
        }
        if (sequence < 0 || BigInteger.valueOf(sequence).compareTo(SPACE) >= 0) {
            throw new IllegalArgumentException("sequence out of range: " + sequence);
        }
        BigInteger scrambled = BigInteger.valueOf(sequence).multiply(A).add(B).mod(SPACE);
        String body = prefix + String.format("%013d", scrambled.longValueExact());
        return body + luhnDigit(body);
    }

    /** 15 digits and a correct check digit. */
    public static boolean isValid(String code) {
        if (code == null || code.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return false;
            }
        }
        return luhnDigit(code.substring(0, LENGTH - 1)) == code.charAt(LENGTH - 1) - '0';
    }

    /** The digit that makes {@code digits + d} pass the Luhn check. */
    static int luhnDigit(String digits) {
        int sum = 0;
        boolean doubleIt = true; // the rightmost payload digit is doubled, the check digit will not be
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }
}
