package id.go.imigrasi.mpaspor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * A token is verified (RS256, issuer, expiry: smallrye-jwt's real verifier) on first sight only, and the cache never
 * lets through what the verifier would refuse: an expired token, a forged one, one verified under another key.
 */
class VerifiedTokensTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    /** smallrye-jwt's verifier, counting how often it really verifies. */
    private static final class Counting extends JWTCallerPrincipalFactory {
        final AtomicInteger verifications = new AtomicInteger();
        final DefaultJWTCallerPrincipalFactory real = new DefaultJWTCallerPrincipalFactory();

        @Override
        public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
            verifications.incrementAndGet();
            return real.parse(token, context);
        }
    }

    private final JWTAuthContextInfo context = new JWTAuthContextInfo(TestJwt.publicKeyLocation(), TestJwt.DEFAULT_ISSUER);
    private final Counting verifier = new Counting();

    @Test
    void aTokenIsVerifiedOnceThenAnsweredFromTheCache() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(verifier, 100, clock);
        String token = TestJwt.applicant("acc-1");
        assertThat(tokens.isKnown(token)).isFalse();

        for (int i = 0; i < 5; i++) {
            assertThat(tokens.parse(token, context).getSubject()).isEqualTo("acc-1");
        }

        assertThat(verifier.verifications).hasValue(1);
        assertThat(tokens.isKnown(token)).isTrue();
        // another token of the same account is a token of its own
        tokens.parse(TestJwt.applicant("acc-1"), context);
        assertThat(verifier.verifications).hasValue(2);
    }

    @Test
    void aCachedTokenIsRefusedOnceItHasExpired() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(verifier, 100, clock);
        String token = TestJwt.applicant("acc-2");
        tokens.parse(token, context);

        now.set(now.get().plus(Duration.ofMinutes(15)).plusSeconds(context.getClockSkew() + 2));

        assertThatThrownBy(() -> tokens.parse(token, context)).isInstanceOf(ParseException.class);
        assertThat(tokens.isKnown(token)).isFalse();
        assertThat(verifier.verifications).hasValue(1);
    }

    @Test
    void forgedAndExpiredTokensAreRefusedEveryTimeAndNeverKept() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, 100, clock);
        String forged = TestJwt.forged("acc-3");
        String expired = TestJwt.expired("acc-3");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.parse(forged, context)).isInstanceOf(ParseException.class);
            assertThatThrownBy(() -> tokens.parse(expired, context)).isInstanceOf(ParseException.class);
        }
        assertThat(verifier.verifications).hasValue(6);
        assertThat(tokens.isKnown(forged)).isFalse();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aTokenVerifiedUnderOneContextIsVerifiedAgainUnderAnother() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(verifier, 100, clock);
        String token = TestJwt.applicant("acc-4");
        tokens.parse(token, context);

        JWTAuthContextInfo otherIssuer = new JWTAuthContextInfo(TestJwt.publicKeyLocation(), "https://elsewhere.example");

        assertThatThrownBy(() -> tokens.parse(token, otherIssuer)).isInstanceOf(ParseException.class);
        assertThat(verifier.verifications).hasValue(2);
    }

    @Test
    void withSizeZeroEveryRequestIsVerified() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(verifier, 0, clock);
        String token = TestJwt.applicant("acc-5");
        tokens.parse(token, context);
        tokens.parse(token, context);
        assertThat(verifier.verifications).hasValue(2);
        assertThat(tokens.isKnown(token)).isFalse();
    }
}
