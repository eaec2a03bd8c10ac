package id.go.imigrasi.mpaspor.application.upload.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import id.go.imigrasi.mpaspor.application.upload.storage.encryption.DataKey;
import id.go.imigrasi.mpaspor.application.upload.storage.encryption.DocumentEncryption;
import id.go.imigrasi.mpaspor.application.upload.storage.encryption.DocumentHeader;
import id.go.imigrasi.mpaspor.application.upload.storage.encryption.SegmentCut;
import id.go.imigrasi.mpaspor.application.upload.storage.encryption.SegmentSealer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Uploads in an S3-compatible object store. Objects cannot be appended to, so every PATCH becomes one part
 * object: the body is spooled to a local temporary file as it streams in (never whole in memory), then put; S3
 * acknowledges a put only once the object is durably stored, and only then does {@link #append} return. Reading
 * concatenates the parts in offset order. A part that an interrupted request left beyond the recorded offset is
 * removed (or cut) before the next one is written.
 * <p>
 * Part names: {@code <key>/<plaintext offset, 19 digits>} for a plaintext part (its plaintext length is its size),
 * {@code <key>/<plaintext offset, 19 digits>.<plaintext length>} for an encrypted one, so that the listing alone
 * tells where every part ends. An encrypted document's header ({@link DocumentEncryption}) is at the start of its
 * part at offset 0; every later PATCH reads it back (one ranged GET) to seal with the document's key.
 */
public class S3UploadStore implements UploadStore {

    private final S3Client s3;
    private final String bucket;
    private final int bufferSize;
    private final DocumentEncryption encryption;

    public S3UploadStore(S3Client s3, String bucket, int bufferSize, DocumentEncryption encryption) {
        this.s3 = s3;
        this.bucket = bucket;
        this.bufferSize = bufferSize;
        this.encryption = encryption;
    }

    /** Creates the bucket when it does not exist yet (development, tests); production provisions it. */
    public S3UploadStore ensureBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException missing) {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(bucket));
        }
        return this;
    }

    /** One part object: where it starts and how many plaintext bytes it holds. */
    record Part(String name, long start, long length, boolean sealed) {

        static Part of(S3Object object) {
            String name = object.key();
            String last = name.substring(name.lastIndexOf('/') + 1);
            int dot = last.indexOf('.');
            try {
                if (dot < 0) {
                    return new Part(name, Long.parseLong(last), object.size(), false);
                }
                return new Part(name, Long.parseLong(last.substring(0, dot)), Long.parseLong(last.substring(dot + 1)),
                        true);
            } catch (NumberFormatException e) {
                throw new UncheckedIOException(new IOException("not an upload part: " + name));
            }
        }

        long end() {
            return start + length;
        }
    }

    @Override
    public void create(String key) {
        // nothing to create: an upload without parts is empty
    }

    @Override
    public long append(String key, long offset, InputStream body, long maxBytes, MessageDigest digest)
            throws IOException, Interrupted {
        List<Part> parts = parts(key);
        cutBack(parts, offset);
        DataKey sealing = offset == 0 ? encryption.keyForNewDocument(key) : keyOf(key, parts).orElse(null);
        Path spool = Files.createTempFile("mpaspor-upload-", ".part");
        try {
            BodyCopy.Copied copied;
            try (OutputStream out = Files.newOutputStream(spool)) {
                BodyCopy.ChunkWriter writer = (chunk, length) -> out.write(chunk, 0, length);
                if (sealing != null) {
                    if (offset == 0) {
                        out.write(sealing.header().bytes());
                    }
                    writer = new SegmentSealer(sealing, offset, offset + maxBytes, out)::write;
                }
                copied = BodyCopy.copy(body, maxBytes, bufferSize, digest, writer);
            }
            if (copied.written() > 0) {
                String part = partKey(key, offset) + (sealing == null ? "" : "." + copied.written());
                s3.putObject(b -> b.bucket(bucket).key(part), RequestBody.fromFile(spool));
            }
            if (copied.broken() != null) {
                throw new Interrupted(copied.written(), copied.broken());
            }
            return copied.written();
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /** The document's key, from the header at the start of its first part; empty for a plaintext document. */
    private Optional<DataKey> keyOf(String key, List<Part> parts) throws IOException {
        if (parts.isEmpty() || parts.get(0).start() != 0) {
            throw new IOException("upload " + key + " has no part at offset 0 to continue");
        }
        String first = parts.get(0).name();
        try (InputStream start = s3.getObject(b -> b.bucket(bucket).key(first)
                .range("bytes=0-" + (DocumentHeader.MAX_BYTES - 1)), ResponseTransformer.toInputStream())) {
            return encryption.keyOf(key, start);
        }
    }

    @Override
    public void truncate(String key, long length) throws IOException {
        cutBack(parts(key), length);
    }

    private void cutBack(List<Part> parts, long length) throws IOException {
        for (Part part : parts) {
            if (part.start() >= length) {
                s3.deleteObject(b -> b.bucket(bucket).key(part.name()));
            } else if (part.end() > length) {
                cut(parts, part, length);
            }
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        Iterator<Part> parts = parts(key).iterator();
        return encryption.plaintext(key, new SequenceInputStream(new Enumeration<InputStream>() {
            @Override
            public boolean hasMoreElements() {
                return parts.hasNext();
            }

            @Override
            public InputStream nextElement() {
                String part = parts.next().name();
                return s3.getObject(b -> b.bucket(bucket).key(part), ResponseTransformer.toInputStream());
            }
        }));
    }

    @Override
    public void delete(String key) {
        for (Part part : parts(key)) {
            s3.deleteObject(b -> b.bucket(bucket).key(part.name()));
        }
    }

    /** The part objects of an upload, in offset order. */
    List<Part> parts(String key) {
        List<Part> parts = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(key + "/")).contents()
                .forEach(object -> parts.add(Part.of(object)));
        parts.sort(Comparator.comparingLong(Part::start));
        return Collections.unmodifiableList(parts);
    }

    /**
     * Keeps a part's plaintext up to {@code length}: a plaintext part is cut by a ranged GET; an encrypted part
     * keeps its whole frames below it and its straddling segment sealed again shortened ({@link SegmentCut}), and
     * is put under its new name before the old one is removed.
     */
    private void cut(List<Part> parts, Part part, long length) throws IOException {
        long keepBytes = length - part.start();
        byte[] resealed = null;
        String cutName = part.name();
        if (part.sealed()) {
            SegmentCut cut = sealedCut(parts, part, length);
            keepBytes = cut.position();
            resealed = cut.resealed();
            cutName = part.name().substring(0, part.name().lastIndexOf('.') + 1) + (length - part.start());
        }
        Path spool = Files.createTempFile("mpaspor-upload-", ".cut");
        try {
            try (OutputStream out = Files.newOutputStream(spool)) {
                String range = "bytes=0-" + (keepBytes - 1);
                try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(part.name()).range(range),
                        ResponseTransformer.toInputStream())) {
                    in.transferTo(out);
                }
                if (resealed != null) {
                    out.write(resealed);
                }
            }
            String name = cutName;
            s3.putObject(b -> b.bucket(bucket).key(name), RequestBody.fromFile(spool));
            if (!name.equals(part.name())) {
                s3.deleteObject(b -> b.bucket(bucket).key(part.name()));
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /** Where an encrypted part is cut: after its header (part 0) and its whole frames below {@code length}. */
    private SegmentCut sealedCut(List<Part> parts, Part part, long length) throws IOException {
        String document = part.name().substring(0, part.name().lastIndexOf('/'));
        DataKey key = keyOf(document, parts).orElseThrow(() -> new IOException(
                "upload part " + part.name() + " is encrypted, the header of its document is not"));
        try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(part.name()),
                ResponseTransformer.toInputStream())) {
            long headerBytes = part.start() == 0 ? key.header().length() : 0;
            in.skipNBytes(headerBytes);
            return SegmentCut.find(in, headerBytes, part.start(), length, key);
        }
    }

    private static String partKey(String key, long offset) {
        if (!key.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        return key + "/" + String.format("%019d", offset);
    }
}
