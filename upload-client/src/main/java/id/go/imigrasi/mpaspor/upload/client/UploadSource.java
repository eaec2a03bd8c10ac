package id.go.imigrasi.mpaspor.upload.client;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The bytes to upload, read chunk by chunk at whatever offset the server reports. A file can be read at any
 * offset; a stream only forward, so the current chunk is kept in memory: the server may acknowledge part of a chunk
 * (a PATCH cut mid-way), and the rest is then sent from that window without rewinding the stream.
 */
abstract class UploadSource implements Closeable {

    abstract long length();

    /**
     * The bytes starting at {@code offset}: at most {@code maxBytes}, at least one while {@code offset < length()}.
     *
     * @throws IOException when the data cannot be read at that offset
     */
    abstract byte[] chunkAt(long offset, int maxBytes) throws IOException;

    static UploadSource of(Path file) throws IOException {
        return new FileSource(file);
    }

    static UploadSource of(InputStream in, long length, int chunkSize) {
        return new StreamSource(in, length, chunkSize);
    }

    private static final class FileSource extends UploadSource {
        private final FileChannel channel;
        private final long length;

        FileSource(Path file) throws IOException {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
            this.length = channel.size();
        }

        @Override
        long length() {
            return length;
        }

        @Override
        byte[] chunkAt(long offset, int maxBytes) throws IOException {
            int n = (int) Math.min(maxBytes, length - offset);
            ByteBuffer buf = ByteBuffer.allocate(n);
            while (buf.hasRemaining()) {
                int read = channel.read(buf, offset + buf.position());
                if (read < 0) {
                    throw new EOFException("file shrank to " + (offset + buf.position()) + " bytes, expected "
                            + length);
                }
            }
            return buf.array();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static final class StreamSource extends UploadSource {
        private final InputStream in;
        private final long length;
        private final int windowSize;
        private byte[] window = new byte[0];
        private long windowStart;
        /** How many bytes have been taken from the stream. */
        private long consumed;

        StreamSource(InputStream in, long length, int windowSize) {
            if (length < 0) {
                throw new IllegalArgumentException("length must be >= 0: " + length);
            }
            this.in = in;
            this.length = length;
            this.windowSize = windowSize;
        }

        @Override
        long length() {
            return length;
        }

        @Override
        byte[] chunkAt(long offset, int maxBytes) throws IOException {
            long windowEnd = windowStart + window.length;
            if (offset < windowStart) {
                throw new IOException("the server asks for offset " + offset + " but the stream has already moved past "
                        + windowStart + "; an InputStream cannot be rewound (upload from a Path instead)");
            }
            if (offset >= windowEnd) {
                skipTo(offset);
                int n = (int) Math.min(windowSize, length - offset);
                byte[] next = in.readNBytes(n);
                if (next.length < n) {
                    throw new EOFException("stream ended at " + (offset + next.length) + " bytes, declared length "
                            + length);
                }
                consumed += n;
                window = next;
                windowStart = offset;
            }
            int from = (int) (offset - windowStart);
            int to = (int) Math.min(window.length, (long) from + maxBytes);
            return from == 0 && to == window.length ? window : Arrays.copyOfRange(window, from, to);
        }

        private void skipTo(long offset) throws IOException {
            long skip = offset - consumed;
            if (skip > 0) {
                in.skipNBytes(skip);
                consumed += skip;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
