package id.go.imigrasi.mpaspor.application.upload.storage;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import id.go.imigrasi.mpaspor.application.upload.config.UploadConfig;
import id.go.imigrasi.mpaspor.application.upload.storage.encryption.DocumentEncryption;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The configured store ({@code mpaspor.upload.storage.kind}), encrypting as {@code mpaspor.upload.encryption.*} says. */
public class UploadStoreProducer {

    @Produces
    @ApplicationScoped
    UploadStore store(UploadConfig config) {
        String kind = config.storage().kind();
        DocumentEncryption encryption = DocumentEncryption.of(config.encryption());
        if ("filesystem".equals(kind)) {
            return new FileSystemUploadStore(Path.of(config.storage().directory()), config.storage().bufferSize(),
                    encryption);
        }
        if ("s3".equals(kind)) {
            return new S3UploadStore(s3Client(config.storage().s3()), config.storage().s3().bucket(),
                    config.storage().bufferSize(), encryption).ensureBucket();
        }
        throw new IllegalStateException("mpaspor.upload.storage.kind=" + kind + " is unknown; use filesystem or s3");
    }

    /** A client for AWS S3 or any S3-compatible server; JDK HTTP client, checksums only where S3 requires them. */
    public static S3Client s3Client(UploadConfig.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        s3.endpoint().ifPresent(builder::endpointOverride);
        if (s3.accessKey().isPresent() && s3.secretKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(s3.accessKey().get(), s3.secretKey().get())));
        }
        return builder.build();
    }
}
