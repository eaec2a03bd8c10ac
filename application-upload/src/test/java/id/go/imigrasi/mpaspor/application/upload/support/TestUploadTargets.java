package id.go.imigrasi.mpaspor.application.upload.support;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.upload.UploadTargets;
import io.quarkus.test.Mock;
import io.smallrye.mutiny.Uni;

/**
 * Stands in for the applications side (built in parallel) in tests: the test declares which application and
 * applicant an account owns and whether the application is still a draft. Anything undeclared is not found.
 */
@Mock
@ApplicationScoped
public class TestUploadTargets implements UploadTargets {

    private static final Map<String, Target> TARGETS = new ConcurrentHashMap<>();

    public static void declare(UUID account, UUID application, UUID applicant, Target target) {
        TARGETS.put(key(account, application, applicant), target);
    }

    @Override
    public Uni<Target> resolve(UUID accountId, UUID applicationId, UUID applicantId) {
        return Uni.createFrom().item(TARGETS.getOrDefault(key(accountId, applicationId, applicantId),
                Target.NOT_FOUND));
    }

    private static String key(UUID account, UUID application, UUID applicant) {
        return account + "/" + application + "/" + applicant;
    }
}
