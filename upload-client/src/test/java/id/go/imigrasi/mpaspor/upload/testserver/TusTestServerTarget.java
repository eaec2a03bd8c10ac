package id.go.imigrasi.mpaspor.upload.testserver;

import id.go.imigrasi.mpaspor.upload.bench.SelfTestTarget;

import java.io.IOException;
import java.net.URI;

/** The benchmark's {@code --self-test} target: a {@link TusTestServer} that sheds PATCHes past a limit. */
public final class TusTestServerTarget implements SelfTestTarget.Factory {

    @Override
    public SelfTestTarget start(int maxConcurrentPatches) throws IOException {
        TusTestServer server = TusTestServer.start(Math.max(16, maxConcurrentPatches * 2))
                .maxConcurrentPatches(maxConcurrentPatches);
        return new SelfTestTarget() {
            @Override
            public URI endpoint() {
                return server.endpoint();
            }

            @Override
            public String sha256Header() {
                return TusTestServer.SHA256_HEADER;
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
