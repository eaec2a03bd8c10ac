package id.go.imigrasi.mpaspor.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The waiting-room arrivals' accounts and applicants, for bench.sh to seed into quota-service's projection of
 * application-service's applicants (as ApplicantsChanged would have made it, before the release): one CSV line per
 * arrival, {@code application id,account id,NIK}. Usage: {@code WaitingRoomSeed RUN FROM COUNT}.
 */
public final class WaitingRoomSeed {

    private WaitingRoomSeed() {
    }

    public static void main(String[] args) {
        int run = Integer.parseInt(args[0]);
        int from = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        StringBuilder out = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            out.append(uuid("wr-app-" + run + "-" + i)).append(',').append(account(run, i)).append(',')
                    .append(Nik.of(run, i)).append('\n');
        }
        System.out.print(out);
    }

    /** The account of arrival {@code i} of run {@code run}. */
    static UUID account(int run, int i) {
        return uuid("wr-" + run + "-" + i);
    }

    private static UUID uuid(String name) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(name.getBytes(StandardCharsets.UTF_8));
            long hi = 0;
            long lo = 0;
            for (int b = 0; b < 8; b++) {
                hi = (hi << 8) | (md5[b] & 0xff);
                lo = (lo << 8) | (md5[8 + b] & 0xff);
            }
            return new UUID(hi, lo);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
