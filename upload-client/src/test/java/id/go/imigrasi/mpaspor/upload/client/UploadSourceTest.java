package id.go.imigrasi.mpaspor.upload.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadSourceTest {

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    @Test
    void aFileIsReadAtAnyOffsetInChunksOfAtMostTheChunkSize(@TempDir Path dir) throws IOException {
        byte[] data = bytes(1000);
        try (UploadSource source = UploadSource.of(Files.write(dir.resolve("f"), data))) {
            assertThat(source.length()).isEqualTo(1000);
            assertThat(source.chunkAt(0, 300)).isEqualTo(Arrays.copyOfRange(data, 0, 300));
            assertThat(source.chunkAt(900, 300)).isEqualTo(Arrays.copyOfRange(data, 900, 1000));
            assertThat(source.chunkAt(123, 300)).isEqualTo(Arrays.copyOfRange(data, 123, 423));
        }
    }

    @Test
    void aStreamServesARetryWithinTheCurrentChunkFromMemoryAndSkipsForward() throws IOException {
        byte[] data = bytes(1000);
        try (UploadSource source = UploadSource.of(new ByteArrayInputStream(data), 1000, 300)) {
            assertThat(source.chunkAt(0, 300)).isEqualTo(Arrays.copyOfRange(data, 0, 300));
            // the server kept 120 bytes of that chunk: the rest comes from the window, the stream is not rewound
            assertThat(source.chunkAt(120, 300)).isEqualTo(Arrays.copyOfRange(data, 120, 300));
            assertThat(source.chunkAt(300, 300)).isEqualTo(Arrays.copyOfRange(data, 300, 600));
            // the server already had more (resume): skip to it
            assertThat(source.chunkAt(850, 300)).isEqualTo(Arrays.copyOfRange(data, 850, 1000));
        }
    }

    @Test
    void aStreamCannotGoBackBeforeItsCurrentChunk() throws IOException {
        try (UploadSource source = UploadSource.of(new ByteArrayInputStream(bytes(1000)), 1000, 300)) {
            source.chunkAt(0, 300);
            source.chunkAt(300, 300);

            assertThatThrownBy(() -> source.chunkAt(100, 300)).isInstanceOf(IOException.class)
                    .hasMessageContaining("cannot be rewound");
        }
    }

    @Test
    void aStreamEndingBeforeItsDeclaredLengthIsAnError() throws IOException {
        try (UploadSource source = UploadSource.of(new ByteArrayInputStream(bytes(500)), 1000, 300)) {
            source.chunkAt(0, 300);

            assertThatThrownBy(() -> source.chunkAt(300, 300)).isInstanceOf(EOFException.class)
                    .hasMessageContaining("declared length 1000");
        }
    }
}
