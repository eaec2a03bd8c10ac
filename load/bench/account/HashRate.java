import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * The physical limit of login: bcrypt verifications per second on this machine, with {@code threads} threads,
 * for {@code seconds} seconds, at cost {@code cost}. Prints one hash of {@code password} (for seeding) first.
 * Usage: java -cp 'account-service/target/quarkus-app/lib/main/*' HashRate.java COST THREADS SECONDS PASSWORD
 */
public class HashRate {
    public static void main(String[] args) throws Exception {
        int cost = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        String hash = BcryptUtil.bcryptHash(args[3], cost);
        System.out.println("HASH " + hash);
        for (int i = 0; i < 20; i++) {
            BcryptUtil.matches(args[3], hash); // warm-up (JIT)
        }
        LongAdder done = new LongAdder();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch finished = new CountDownLatch(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                while (System.nanoTime() < end) {
                    BcryptUtil.matches(args[3], hash);
                    done.increment();
                }
                finished.countDown();
            }).start();
        }
        finished.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("RAW_HASH_RATE %.1f%n", done.sum() / elapsed);
    }
}
