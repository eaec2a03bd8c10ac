import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import id.go.imigrasi.mpaspor.application.upload.storage.FileSystemUploadStore;
import id.go.imigrasi.mpaspor.application.upload.storage.UploadStore;
import id.go.imigrasi.mpaspor.application.upload.storage.encryption.DocumentEncryption;
import id.go.imigrasi.mpaspor.application.upload.storage.encryption.MasterKeys;

/**
 * What encryption at rest costs the upload data path (issue 23), encryption on and off in the same run, rounds
 * interleaved (off/on, then on/off) so that the machine's drift hits both alike. Each document has the upload
 * benchmark's shape (1 MiB in PATCHes of 256 KiB, a SHA-256 checksum per PATCH as upload-client sends it) and goes
 * the way the service takes it: every PATCH appended through application-upload's FileSystemUploadStore (body
 * read in pieces of READ_SIZE, as the HTTP layer hands them over, one sealed segment per piece, fsync), then the
 * whole document read back twice (the SHA-256 at completion, the validation). Prints MB/s of document and CPU-ms
 * per document for each mode and the ratio.
 *
 *   java -cp application-upload/target/classes load/bench/upload/StoreEncryption.java [DOCS] [ROUNDS] [READ_SIZE] [DIR]
 *
 * Needs application-upload compiled (./mvnw -o -B -pl application-upload -am compile). Defaults: 200 documents
 * per mode and round, 4 rounds, pieces of 16 KiB, a temporary directory (give one on the disk the store uses).
 */
public class StoreEncryption {

    private static final int SIZE = 1024 * 1024;
    private static final int CHUNK = 256 * 1024;

    public static void main(String[] args) throws Exception {
        int docs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int readSize = args.length > 2 ? Integer.parseInt(args[2]) : 16 * 1024;
        Path dir = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("mpaspor-store-bench-");
        byte[] master = new byte[32];
        new Random(1).nextBytes(master);
        MasterKeys keys = MasterKeys.parse(Optional.of("bench"),
                List.of("bench:" + Base64.getEncoder().encodeToString(master)));
        UploadStore off = new FileSystemUploadStore(dir, 65536, new DocumentEncryption(false, keys));
        UploadStore on = new FileSystemUploadStore(dir, 65536, new DocumentEncryption(true, keys));
        byte[] file = new byte[SIZE];
        new Random(2).nextBytes(file);

        run(off, file, 50, readSize);
        run(on, file, 50, readSize);
        long[] totals = new long[4];
        for (int round = 0; round < rounds; round++) {
            boolean onFirst = round % 2 == 1;
            for (UploadStore store : onFirst ? List.of(on, off) : List.of(off, on)) {
                long[] measured = run(store, file, docs, readSize);
                int at = store == on ? 2 : 0;
                totals[at] += measured[0];
                totals[at + 1] += measured[1];
                System.out.printf(Locale.ROOT, "round %d %-3s %7.1f MB/s %6.2f CPU-ms/doc%n", round + 1,
                        store == on ? "on" : "off", mbps(docs, measured[0]), measured[1] / 1e6 / docs);
            }
        }
        int all = docs * rounds;
        double offRate = mbps(all, totals[0]);
        double onRate = mbps(all, totals[2]);
        System.out.printf(Locale.ROOT, "%d docs x 1 MiB per mode, PATCH 256 KiB, read pieces %d B, dir %s%n", all,
                readSize, dir);
        System.out.printf(Locale.ROOT, "off: %.1f MB/s, %.2f CPU-ms/doc%n", offRate, totals[1] / 1e6 / all);
        System.out.printf(Locale.ROOT, "on:  %.1f MB/s, %.2f CPU-ms/doc%n", onRate, totals[3] / 1e6 / all);
        System.out.printf(Locale.ROOT, "on/off throughput ratio %.3f, CPU ratio %.3f%n", onRate / offRate,
                (double) totals[3] / totals[1]);
    }

    /** Uploads and reads back {@code docs} documents; answers wall and thread CPU nanoseconds. */
    private static long[] run(UploadStore store, byte[] file, int docs, int readSize) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        byte[] buffer = new byte[64 * 1024];
        for (int i = 0; i < docs; i++) {
            String key = UUID.randomUUID().toString();
            store.create(key);
            for (int offset = 0; offset < SIZE; offset += CHUNK) {
                MessageDigest checksum = MessageDigest.getInstance("SHA-256");
                store.append(key, offset, new Pieces(file, offset, CHUNK, readSize), SIZE - offset, checksum);
                checksum.digest();
            }
            for (int read = 0; read < 2; read++) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                try (InputStream in = store.open(key)) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        digest.update(buffer, 0, n);
                    }
                }
                digest.digest();
            }
            store.delete(key);
        }
        return new long[] {System.nanoTime() - start, threads.getCurrentThreadCpuTime() - cpu};
    }

    private static double mbps(int docs, long nanos) {
        return docs * (double) SIZE / 1e6 / (nanos / 1e9);
    }

    /** A PATCH body handed over in pieces of at most {@code piece} bytes, as the HTTP layer's buffers arrive. */
    private static final class Pieces extends ByteArrayInputStream {
        private final int piece;

        Pieces(byte[] bytes, int from, int length, int piece) {
            super(bytes, from, length);
            this.piece = piece;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, piece));
        }
    }
}
