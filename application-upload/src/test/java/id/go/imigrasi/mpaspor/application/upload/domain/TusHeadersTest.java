package id.go.imigrasi.mpaspor.application.upload.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.platform.problem.ProblemException;

/** Upload-Metadata and Upload-Checksum as tus defines them; malformed ones are 400s that name the header. */
class TusHeadersTest {

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void metadataPairsAreDecodedAndAKeyMayComeWithoutValue() {
        UploadMetadata metadata = UploadMetadata.parse("filename " + b64("KTP Budi.jpg") + ",is_confidential,"
                + "documentType " + b64("EKTP"));
        assertThat(metadata.get("filename")).contains("KTP Budi.jpg");
        assertThat(metadata.get("documentType")).contains("EKTP");
        assertThat(metadata.get("is_confidential")).isEmpty();
        assertThat(metadata.first("fileName", "filename")).contains("KTP Budi.jpg");
    }

    @Test
    void duplicateKeysAndNonBase64ValuesAreRefused() {
        assertThatThrownBy(() -> UploadMetadata.parse("a " + b64("x") + ",a " + b64("y")))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("Upload-Metadata"));
        assertThatThrownBy(() -> UploadMetadata.parse("filename %%%"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("Upload-Metadata.filename"));
    }

    @Test
    void checksumsOfSha1AndSha256AreVerifiedAndOtherAlgorithmsRefused() throws Exception {
        byte[] chunk = "potongan berkas".getBytes(StandardCharsets.UTF_8);
        Checksum sha1 = Checksum.parse("sha1 " + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-1").digest(chunk)));
        MessageDigest digest = sha1.newDigest();
        digest.update(chunk);
        assertThat(sha1.matches(digest.digest())).isTrue();

        Checksum sha256 = Checksum.parse("SHA256 " + Base64.getEncoder().encodeToString(new byte[32]));
        MessageDigest other = sha256.newDigest();
        other.update(chunk);
        assertThat(sha256.matches(other.digest())).isFalse();

        assertThat(Checksum.parse(null)).isNull();
        assertThatThrownBy(() -> Checksum.parse("md5 AAAA")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Checksum.parse("sha1")).isInstanceOf(ProblemException.class);
    }
}
