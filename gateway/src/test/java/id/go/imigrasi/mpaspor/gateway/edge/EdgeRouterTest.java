package id.go.imigrasi.mpaspor.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;

import org.jose4j.lang.UnresolvableKeyException;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.ParseException;

/** Which token failures mean "the keys are away" (503) rather than "the token is bad" (401). */
class EdgeRouterTest {

    @Test
    void networkFailureAnywhereInTheCausesMeansTheKeysAreUnreachable() {
        Exception failure = new ParseException("failed to verify",
                new UnresolvableKeyException("no key", new UncheckedIOException(new ConnectException("refused"))));
        assertThat(EdgeRouter.keysUnreachable(failure)).isTrue();
    }

    @Test
    void badSignatureOrExpiryIsTheTokensFault() {
        assertThat(EdgeRouter.keysUnreachable(new ParseException("expired"))).isFalse();
        assertThat(EdgeRouter.keysUnreachable(new ParseException("bad", new UnresolvableKeyException("no kid"))))
                .isFalse();
    }
}
