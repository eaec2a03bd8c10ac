package id.go.imigrasi.mpaspor.application.upload.storage;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import id.go.imigrasi.mpaspor.application.upload.config.UploadConfig;

/** The configured store ({@code mpaspor.upload.storage.kind}). */
public class UploadStoreProducer {

    @Produces
    @ApplicationScoped
    UploadStore store(UploadConfig config) {
        String kind = config.storage().kind();
        if ("filesystem".equals(kind)) {
            return new FileSystemUploadStore(Path.of(config.storage().directory()), config.storage().bufferSize());
        }
        throw new IllegalStateException("mpaspor.upload.storage.kind=" + kind + " is not available; use filesystem");
    }
}
