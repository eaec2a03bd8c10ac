package id.go.imigrasi.mpaspor.upload.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/** The machine's raw sequential write rate: write {@code bytes} to a temp file and fsync it, timed. */
public final class DiskWriteProbe {

    private DiskWriteProbe() {
    }

    /** @return MB/s (10^6 bytes per second), fsync included */
    public static double measureMbPerSecond(Path directory, long bytes) throws IOException {
        Path file = Files.createTempFile(directory, "disk-probe", ".bin");
        try {
            byte[] block = new byte[1 << 20];
            new SplittableRandom(17).nextBytes(block);
            ByteBuffer buffer = ByteBuffer.wrap(block);
            long t0 = System.nanoTime();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                long written = 0;
                while (written < bytes) {
                    buffer.clear();
                    buffer.limit((int) Math.min(block.length, bytes - written));
                    while (buffer.hasRemaining()) {
                        written += channel.write(buffer);
                    }
                }
                channel.force(true);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return bytes / 1e6 / seconds;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
