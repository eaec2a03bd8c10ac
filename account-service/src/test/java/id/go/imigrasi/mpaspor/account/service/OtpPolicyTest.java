package id.go.imigrasi.mpaspor.account.service;

import id.go.imigrasi.mpaspor.account.config.AccountConfig;
import id.go.imigrasi.mpaspor.account.AccountProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.platform.problem.ProblemException;

/** The OTP rules without a database: when a code may be sent again, and what a try of a code gets. */
class OtpPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");

    private final OtpPolicy policy = new OtpPolicy(null, null, null, null, null,
            Policies.of(AccountConfig.class, Map.of("otp", Policies.of(AccountConfig.OtpPolicy.class, Map.of(
                    "lifetime", Duration.ofMinutes(10), "maxAttempts", 5, "resendInterval", Duration.ofSeconds(60),
                    "maxPerHour", 3, "pepper", "test")))));

    @Test
    void theFirstCodeIsSentAtOnce() {
        assertThat(policy.refusal(List.of(), NOW)).isEmpty();
    }

    @Test
    void aNewCodeWaitsForTheResendIntervalAndSaysHowLong() {
        ProblemException refused = policy.refusal(List.of(NOW.minusSeconds(20)), NOW).orElseThrow();
        assertThat(refused.type()).isEqualTo(AccountProblem.OTP_TOO_SOON);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.refusal(List.of(NOW.minusSeconds(60)), NOW)).isEmpty();
    }

    @Test
    void atMostMaxPerHourCodesAnHourThenTheOldestMustBeAnHourOld() {
        List<Instant> three = List.of(NOW.minusSeconds(120), NOW.minusSeconds(600), NOW.minusSeconds(1800));
        ProblemException refused = policy.refusal(three, NOW).orElseThrow();
        assertThat(refused.type()).isEqualTo(AccountProblem.OTP_HOURLY_LIMIT);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(30));
        List<Instant> oneOlderThanAnHour = List.of(NOW.minusSeconds(120), NOW.minusSeconds(600),
                NOW.minusSeconds(3601));
        assertThat(policy.refusal(oneOlderThanAnHour, NOW)).isEmpty();
    }

    @Test
    void theRightCodeOfAUsableOtpIsAcceptedEvenOnTheLastAttempt() {
        assertThat(policy.verdict(1, true, true)).isEqualTo(OtpPolicy.Check.Result.ACCEPTED);
        assertThat(policy.verdict(5, true, true)).isEqualTo(OtpPolicy.Check.Result.ACCEPTED);
    }

    @Test
    void aWrongCodeIsWrongUntilTheLastAllowedAttemptWhichExhaustsIt() {
        assertThat(policy.verdict(4, true, false)).isEqualTo(OtpPolicy.Check.Result.WRONG);
        assertThat(policy.verdict(5, true, false)).isEqualTo(OtpPolicy.Check.Result.EXHAUSTED);
    }

    @Test
    void anUnusableCodeNeverMatchesAndAnswersLikeAWrongOne() {
        // expired, voided, already verified or unknown email: the same answers as a wrong code, revealing nothing
        assertThat(policy.verdict(1, false, true)).isEqualTo(OtpPolicy.Check.Result.WRONG);
        assertThat(policy.verdict(5, false, true)).isEqualTo(OtpPolicy.Check.Result.EXHAUSTED);
    }

    @Test
    void anExhaustedCodeSaysWhenANewOneMayBeAskedFor() {
        assertThat(policy.exhausted(NOW.minusSeconds(15), NOW).retryAfter()).isEqualTo(Duration.ofSeconds(45));
        assertThat(policy.exhausted(NOW.minusSeconds(600), NOW).retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.exhausted(null, NOW).retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.exhausted(null, NOW).problem().type()).isEqualTo(AccountProblem.OTP_ATTEMPTS_EXCEEDED);
    }

    @Test
    void aWrongCodeSaysHowManyTriesAreLeft() {
        ProblemException wrong = new OtpPolicy.Check(OtpPolicy.Check.Result.WRONG, 3, null).problem();
        assertThat(wrong.type()).isEqualTo(AccountProblem.OTP_REJECTED);
        assertThat(wrong.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("account.otp.wrong"));
    }
}
