package id.go.imigrasi.mpaspor.account.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.account.config.AccountConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * A hash whose request was given up while it waited for the pool is not run (found by the spike benchmark: logins
 * that ran into the gateway's 5 s deadline were still hashed, for nobody, and the ones behind them ran into it too).
 */
class PasswordHasherAbandonTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private PasswordHasher hasher;

    @AfterEach
    void stop() {
        if (hasher != null) {
            hasher.stop();
        }
    }

    @Test
    void aQueuedHashWhoseRequestWasCancelledIsSkippedAndTheOthersAreServed() throws Exception {
        hasher = new PasswordHasher(config(12), registry);
        String hash = BcryptUtil.bcryptHash("the-right-one", 12);
        // the pool's one thread is busy with the first check; the second waits behind it and is given up
        CompletableFuture<Boolean> first = hasher.verify("the-right-one", hash).subscribeAsCompletionStage();
        CompletableFuture<Boolean> abandonedItem = new CompletableFuture<>();
        Cancellable second = hasher.verify("the-right-one", hash).subscribe().with(abandonedItem::complete);
        second.cancel();
        CompletableFuture<Boolean> third = hasher.verify("a-wrong-one", hash).subscribeAsCompletionStage();

        assertThat(first.get(20, TimeUnit.SECONDS)).isTrue();
        assertThat(third.get(20, TimeUnit.SECONDS)).isFalse();
        assertThat(abandonedItem).isNotDone();
        assertThat(registry.get("mpaspor.account.password.abandoned").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aHashNobodyGaveUpOnIsNeverSkipped() throws Exception {
        hasher = new PasswordHasher(config(4), registry);
        String hash = BcryptUtil.bcryptHash("pw", 4);
        for (int i = 0; i < 20; i++) {
            assertThat(hasher.verify("pw", hash).subscribeAsCompletionStage().get(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(registry.get("mpaspor.account.password.abandoned").counter().count()).isZero();
    }

    private static AccountConfig config(int cost) {
        AccountConfig.Password password = Policies.of(AccountConfig.Password.class, Map.of(
                "bcryptCost", cost, "hashThreads", Optional.of(1), "queue", 8, "maxWait", Duration.ofSeconds(1),
                "retryAfter", Duration.ofSeconds(1), "maxRetryAfter", Duration.ofSeconds(30)));
        return Policies.of(AccountConfig.class, Map.of("password", password));
    }
}
