package id.go.imigrasi.mpaspor.application.upload.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * Uploads as files in one directory (default store). Bytes are written through a {@link FileChannel} at the
 * upload's offset and forced to the device before {@link #append} returns, so what it reports survives a crash.
 */
public class FileSystemUploadStore implements UploadStore {

    private final Path directory;
    private final int bufferSize;

    public FileSystemUploadStore(Path directory, int bufferSize) {
        this.directory = directory;
        this.bufferSize = bufferSize;
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
        try (FileChannel file = FileChannel.open(path(key), StandardOpenOption.WRITE)) {
            if (file.size() > offset) {
                file.truncate(offset);
            }
            file.position(offset);
            byte[] buffer = new byte[bufferSize];
            long written = 0;
            while (written < maxBytes) {
                int read;
                try {
                    read = body.read(buffer, 0, (int) Math.min(buffer.length, maxBytes - written));
                } catch (IOException brokenBody) {
                    // the client went away: keep what arrived, durably
                    file.force(false);
                    throw new Interrupted(written, brokenBody);
                }
                if (read < 0) {
                    break;
                }
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                while (chunk.hasRemaining()) {
                    file.write(chunk);
                }
                if (digest != null) {
                    digest.update(buffer, 0, read);
                }
                written += read;
            }
            file.force(false);
            return written;
        }
    }

    @Override
    public void truncate(String key, long length) throws IOException {
        try (FileChannel file = FileChannel.open(path(key), StandardOpenOption.WRITE)) {
            file.truncate(length);
            file.force(false);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
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
