package id.go.imigrasi.mpaspor.application.upload.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Optional;

import id.go.imigrasi.mpaspor.application.upload.storage.encryption.DataKey;
import id.go.imigrasi.mpaspor.application.upload.storage.encryption.DocumentEncryption;
import id.go.imigrasi.mpaspor.application.upload.storage.encryption.SegmentCut;
import id.go.imigrasi.mpaspor.application.upload.storage.encryption.SegmentSealer;

/**
 * Uploads as files in one directory (default store). Bytes are written through a {@link FileChannel} at the
 * upload's offset and forced to the device before {@link #append} returns, so what it reports survives a crash.
 * An encrypted document is one file: its header, then its segments' frames ({@link DocumentEncryption}); offsets
 * given and reported are plaintext offsets, mapped to the stored position by walking the frame headers.
 */
public class FileSystemUploadStore implements UploadStore {

    private final Path directory;
    private final int bufferSize;
    private final DocumentEncryption encryption;

    public FileSystemUploadStore(Path directory, int bufferSize, DocumentEncryption encryption) {
        this.directory = directory;
        this.bufferSize = bufferSize;
        this.encryption = encryption;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("upload directory " + directory + " cannot be created", e);
        }
    }

    @Override
    public void create(String key) throws IOException {
        try (FileChannel file = FileChannel.open(path(key), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            file.force(true);
        }
    }

    @Override
    public long append(String key, long offset, InputStream body, long maxBytes, MessageDigest digest)
            throws IOException, Interrupted {
        try (FileChannel file = FileChannel.open(path(key), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(file);
            BodyCopy.ChunkWriter writer;
            if (offset == 0) {
                file.truncate(0);
                DataKey sealing = encryption.keyForNewDocument(key);
                writer = sealing == null ? plain(out) : sealed(out, sealing, 0, maxBytes);
            } else {
                Optional<DataKey> sealing = keyOf(key, file);
                file.position(cutTo(file, offset, sealing));
                writer = sealing.isEmpty() ? plain(out) : sealed(out, sealing.get(), offset, offset + maxBytes);
            }
            BodyCopy.Copied copied = BodyCopy.copy(body, maxBytes, bufferSize, digest, writer);
            // what arrived is kept, durably, whether the body ended or the client went away
            file.force(false);
            if (copied.broken() != null) {
                throw new Interrupted(copied.written(), copied.broken());
            }
            return copied.written();
        }
    }

    private static BodyCopy.ChunkWriter plain(OutputStream out) {
        return (chunk, length) -> out.write(chunk, 0, length);
    }

    private static BodyCopy.ChunkWriter sealed(OutputStream out, DataKey key, long offset, long end)
            throws IOException {
        if (offset == 0) {
            out.write(key.header().bytes());
        }
        return new SegmentSealer(key, offset, end, out)::write;
    }

    @Override
    public void truncate(String key, long length) throws IOException {
        try (FileChannel file = FileChannel.open(path(key), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            cutTo(file, length, length == 0 ? Optional.empty() : keyOf(key, file));
            file.force(false);
        }
    }

    /** The document's key from the file's header; empty for a plaintext (legacy) or empty file. */
    private Optional<DataKey> keyOf(String key, FileChannel file) throws IOException {
        return encryption.keyOf(key, Channels.newInputStream(file.position(0)));
    }

    /**
     * Cuts the file back to plaintext length {@code offset} (a segment it falls inside is sealed again, shortened)
     * and answers the stored position where it now ends. For an encrypted file the channel must stand right after
     * the header ({@link #keyOf} leaves it there).
     */
    private static long cutTo(FileChannel file, long offset, Optional<DataKey> key) throws IOException {
        long end = offset;
        if (key.isPresent() && offset > 0) {
            SegmentCut cut = SegmentCut.find(new SeekingInput(file), file.position(), 0, offset, key.get());
            if (cut.resealed() != null) {
                ByteBuffer frame = ByteBuffer.wrap(cut.resealed());
                while (frame.hasRemaining()) {
                    file.write(frame, cut.position() + frame.position());
                }
            }
            end = cut.end();
        }
        if (file.size() > end) {
            file.truncate(end);
        }
        return end;
    }

    /**
     * The file from the channel's position, skipping by moving the position: walking the frame headers to an
     * offset reads 17 bytes per segment, not the whole document (JDK 17's channel stream skips by reading).
     */
    private static final class SeekingInput extends InputStream {
        private final FileChannel file;

        SeekingInput(FileChannel file) {
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int from, int length) throws IOException {
            return file.read(ByteBuffer.wrap(buffer, from, length));
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = Math.max(0, Math.min(n, file.size() - file.position()));
            file.position(file.position() + skipped);
            return skipped;
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return encryption.plaintext(key, Files.newInputStream(path(key)));
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            Files.deleteIfExists(path(key));
        } catch (NoSuchFileException alreadyGone) {
            // nothing to do
        }
    }

    private Path path(String key) {
        if (!key.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        return directory.resolve(key);
    }
}
