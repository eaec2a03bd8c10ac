package id.go.imigrasi.mpaspor.application.upload.storage;

import static id.go.imigrasi.mpaspor.application.upload.storage.StoreFixtures.bytes;
import static id.go.imigrasi.mpaspor.application.upload.storage.StoreFixtures.read;
import static id.go.imigrasi.mpaspor.application.upload.storage.StoreFixtures.slice;
import static id.go.imigrasi.mpaspor.application.upload.support.AtRest.assertHoldsNoPlaintext;
import static id.go.imigrasi.mpaspor.application.upload.support.AtRest.plaintextWith;
import static id.go.imigrasi.mpaspor.application.upload.support.AtRest.sealingWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.go.imigrasi.mpaspor.application.upload.storage.encryption.DataKey;
import id.go.imigrasi.mpaspor.application.upload.storage.encryption.DocumentEncryption;
import id.go.imigrasi.mpaspor.application.upload.storage.encryption.MasterKeys;
import id.go.imigrasi.mpaspor.application.upload.storage.encryption.TamperedUploadException;

/**
 * Encryption at rest in the filesystem store (issue 23): the file holds a header and sealed segments, never the
 * plaintext; documents stay readable after the active master key rotates; a changed byte, a dropped, moved or cut
 * segment is an error, never served; tus semantics (appends at plaintext offsets, broken bodies, cuts) are kept.
 */
class EncryptedFileSystemStoreTest {

    private static final int BUFFER = 8192;

    @TempDir
    Path directory;

    @Test
    void aDocumentAppendedInChunksIsStoredSealedAndReadsBackAsItsPlaintext() throws Exception {
        UploadStore store = store(sealingWith("k1", "k1"));
        byte[] file = bytes(100_000);
        String key = upload(store, file, 30_000, 70_000);

        byte[] stored = Files.readAllBytes(directory.resolve(key));
        assertHoldsNoPlaintext(stored, file);
        assertThat(read(store, key)).isEqualTo(file);
    }

    @Test
    void theChecksumDigestIsOverThePlaintextOfTheChunk() throws Exception {
        UploadStore store = store(sealingWith("k1", "k1"));
        byte[] file = bytes(50_000);
        String key = newKey(store);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");

        store.append(key, 0, new ByteArrayInputStream(file), file.length, digest);

        assertThat(digest.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(file));
    }

    @Test
    void afterTheActiveKeyRotatesOldDocumentsStillDecryptAndNewOnesUseTheNewKey() throws Exception {
        byte[] before = bytes(40_000);
        String old = upload(store(sealingWith("k1", "k1")), before, 40_000);

        UploadStore rotated = store(sealingWith("k2", "k1", "k2"));
        byte[] after = bytes(20_000);
        String fresh = upload(rotated, after, 20_000);

        assertThat(read(rotated, old)).isEqualTo(before);
        assertThat(read(rotated, fresh)).isEqualTo(after);
        assertThat(keyIdOf(old)).isEqualTo("k1");
        assertThat(keyIdOf(fresh)).isEqualTo("k2");
        // retiring k1 while a document still uses it is a configuration error, named as such
        assertThatThrownBy(() -> read(store(sealingWith("k2", "k2")), old))
                .isInstanceOf(MasterKeys.UnknownMasterKeyException.class).hasMessageContaining("k1");
    }

    @Test
    void aChangedStoredByteFailsItsTagAndNoByteOfTheDocumentIsServed() throws Exception {
        UploadStore store = store(sealingWith("k1", "k1"));
        byte[] file = bytes(60_000);
        String key = upload(store, file, 60_000);
        Path path = directory.resolve(key);
        byte[] stored = Files.readAllBytes(path);
        stored[stored.length / 2] ^= 0x01;
        Files.write(path, stored);

        assertThatThrownBy(() -> read(store, key)).isInstanceOf(TamperedUploadException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void aChangedWrappedKeyInTheHeaderIsDetected() throws Exception {
        UploadStore store = store(sealingWith("k1", "k1"));
        String key = upload(store, bytes(1000), 1000);
        Path path = directory.resolve(key);
        byte[] stored = Files.readAllBytes(path);
        stored[30] ^= 0x40;
        Files.write(path, stored);

        assertThatThrownBy(() -> read(store, key)).isInstanceOf(TamperedUploadException.class);
    }

    @Test
    void segmentsDroppedReorderedOrCutAwayAtTheEndAreDetected() throws Exception {
        UploadStore store = store(sealingWith("k1", "k1"));
        String key = upload(store, bytes(4 * BUFFER), 4 * BUFFER);
        Path path = directory.resolve(key);
        byte[] stored = Files.readAllBytes(path);
        List<byte[]> parts = split(key);
        byte[] header = parts.get(0);
        assertThat(parts).hasSize(5);

        Files.write(path, concat(header, parts.get(1), parts.get(2), parts.get(3)));
        assertThatThrownBy(() -> read(store, key)).isInstanceOf(TamperedUploadException.class)
                .hasMessageContaining("without its last segment");

        Files.write(path, concat(header, parts.get(1), parts.get(3), parts.get(4)));
        assertThatThrownBy(() -> read(store, key)).isInstanceOf(TamperedUploadException.class);

        Files.write(path, concat(header, parts.get(2), parts.get(1), parts.get(3), parts.get(4)));
        assertThatThrownBy(() -> read(store, key)).isInstanceOf(TamperedUploadException.class);

        Files.write(path, concat(header, parts.get(1), parts.get(2), parts.get(3), parts.get(4), parts.get(4)));
        assertThatThrownBy(() -> read(store, key)).isInstanceOf(TamperedUploadException.class)
                .hasMessageContaining("after its last segment");

        Files.write(path, Arrays.copyOf(stored, stored.length - 5));
        assertThatThrownBy(() -> read(store, key)).isInstanceOf(TamperedUploadException.class);
    }

    @Test
    void aSegmentOfAnotherDocumentDoesNotOpenInThisOne() throws Exception {
        UploadStore store = store(sealingWith("k1", "k1"));
        String mine = upload(store, bytes(2 * BUFFER), 2 * BUFFER);
        String other = upload(store, bytes(2 * BUFFER), 2 * BUFFER);
        List<byte[]> minePieces = split(mine);
        List<byte[]> otherPieces = split(other);

        Files.write(directory.resolve(mine), concat(minePieces.get(0), minePieces.get(1), otherPieces.get(2)));

        assertThatThrownBy(() -> read(store, mine)).isInstanceOf(TamperedUploadException.class);
    }

    @Test
    void aWholeDocumentMovedUnderAnotherUploadsNameDoesNotOpenThere() throws Exception {
        UploadStore store = store(sealingWith("k1", "k1"));
        String mine = upload(store, bytes(1000), 1000);
        String other = upload(store, bytes(2000), 2000);

        Files.copy(directory.resolve(other), directory.resolve(mine), StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> read(store, mine)).isInstanceOf(TamperedUploadException.class)
                .hasMessageContaining("another document");
    }

    @Test
    void anInterruptedBodyKeepsWhatArrivedSealedAndTheUploadResumesFromThere() throws Exception {
        UploadStore store = store(sealingWith("k1", "k1"));
        byte[] file = bytes(100_000);
        String key = newKey(store);
        InputStream breaksOff = StoreFixtures.breakingOffAt(file, 30_000);
        assertThatThrownBy(() -> store.append(key, 0, breaksOff, file.length, null))
                .isInstanceOfSatisfying(UploadStore.Interrupted.class, e -> assertThat(e.written()).isEqualTo(30_000));

        store.append(key, 30_000, slice(file, 30_000, 100_000), 70_000, null);
        assertThat(read(store, key)).isEqualTo(file);
    }

    @Test
    void cuttingInsideASegmentKeepsItsBeginningAndTheNextChunkContinuesFromTheCut() throws Exception {
        UploadStore store = store(sealingWith("k1", "k1"));
        byte[] file = bytes(90_000);
        String key = newKey(store);
        store.append(key, 0, slice(file, 0, 40_000), 90_000, null);
        // a chunk whose checksum failed, or that the database never recorded
        store.append(key, 40_000, new ByteArrayInputStream(new byte[30_000]), 50_000, null);

        store.truncate(key, 25_000);
        store.append(key, 25_000, slice(file, 25_000, 90_000), 65_000, null);

        assertThat(read(store, key)).isEqualTo(file);
    }

    @Test
    void aPlaintextDocumentFromBeforeEncryptionStaysReadableAndIsContinuedInPlaintext() throws Exception {
        byte[] file = bytes(50_000);
        String key = newKey(store(plaintextWith()));
        store(plaintextWith()).append(key, 0, slice(file, 0, 20_000), 50_000, null);

        UploadStore sealing = store(sealingWith("k1", "k1"));
        sealing.append(key, 20_000, slice(file, 20_000, 50_000), 30_000, null);

        assertThat(Files.readAllBytes(directory.resolve(key))).isEqualTo(file);
        assertThat(read(sealing, key)).isEqualTo(file);
    }

    @Test
    void withEncryptionOffEncryptedDocumentsStillDecrypt() throws Exception {
        byte[] file = bytes(20_000);
        String key = upload(store(sealingWith("k1", "k1")), file, 20_000);

        assertThat(read(store(plaintextWith("k1")), key)).isEqualTo(file);
    }

    @Test
    void enabledWithoutAnActiveKeyTheStoreDoesNotStart() {
        assertThatThrownBy(() -> new DocumentEncryption(true, MasterKeys.parse(java.util.Optional.empty(),
                List.of()))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MPASPOR_UPLOAD_ENCRYPTION_KEYS");
        assertThatThrownBy(() -> MasterKeys.parse(java.util.Optional.of("k1"), List.of("k1:c2hvcnQ=")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256")
                .hasMessageNotContaining("c2hvcnQ");
    }

    private UploadStore store(DocumentEncryption encryption) {
        return new FileSystemUploadStore(directory, BUFFER, encryption);
    }

    private static String newKey(UploadStore store) throws IOException {
        String key = UUID.randomUUID().toString();
        store.create(key);
        return key;
    }

    /** Uploads {@code file} in PATCHes of the given sizes, as the receiver would. */
    private static String upload(UploadStore store, byte[] file, int... chunks) throws Exception {
        String key = newKey(store);
        int offset = 0;
        for (int chunk : chunks) {
            store.append(key, offset, slice(file, offset, offset + chunk), file.length - offset, null);
            offset += chunk;
        }
        return key;
    }

    private String keyIdOf(String key) throws IOException {
        try (InputStream in = Files.newInputStream(directory.resolve(key))) {
            return sealingWith("k1", "k1", "k2").keyOf(key, in).orElseThrow().header().keyId();
        }
    }

    /** The stored bytes of document {@code key} cut into the header and each segment's frame. */
    private List<byte[]> split(String key) throws IOException {
        byte[] stored = Files.readAllBytes(directory.resolve(key));
        ByteArrayInputStream in = new ByteArrayInputStream(stored);
        int header = sealingWith("k1", "k1").keyOf(key, in).orElseThrow().header().length();
        List<byte[]> pieces = new ArrayList<>();
        pieces.add(Arrays.copyOf(stored, header));
        int at = header;
        for (DataKey.Frame frame = DataKey.Frame.read(in); frame != null; frame = DataKey.Frame.read(in)) {
            frame.skipSealed(in);
            pieces.add(Arrays.copyOfRange(stored, at, at + frame.storedSize()));
            at += frame.storedSize();
        }
        return pieces;
    }

    private static byte[] concat(byte[]... pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] piece : pieces) {
            out.writeBytes(piece);
        }
        return out.toByteArray();
    }

}
