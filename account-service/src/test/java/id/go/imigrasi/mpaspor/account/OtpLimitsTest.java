package id.go.imigrasi.mpaspor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every OTP limit is hit and answered with the right status and Retry-After. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "account"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OtpLimitsTest {

    @Test
    void resendWithinSixtySecondsIsRefusedWithRetryAfter() {
        String email = Accounts.newEmail("resend");
        Accounts.register(email, Accounts.PASSWORD).then().statusCode(201);
        int wait = Integer.parseInt(Accounts.requestOtp(email, "VERIFY_EMAIL").then().statusCode(429)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/otp-too-soon"))
                .extract().header("Retry-After"));
        assertThat(wait).isBetween(55, 60);
        Db.ageOtp(email, 61);
        Accounts.requestOtp(email, "VERIFY_EMAIL").then().statusCode(202);
        // the newer code replaces the older one
        String older = MailServer.otp(email, 1);
        String newer = MailServer.otp(email, 2);
        if (!older.equals(newer)) {
            Accounts.verify(email, older).then().statusCode(400);
        }
        Accounts.verify(email, newer).then().statusCode(200);
    }

    @Test
    void moreThanFiveCodesAnHourAreRefusedUntilTheOldestAgesOut() {
        String email = Accounts.newEmail("hourly");
        Accounts.register(email, Accounts.PASSWORD).then().statusCode(201);
        for (int i = 0; i < 4; i++) {
            Db.ageOtp(email, 61);
            Accounts.requestOtp(email, "VERIFY_EMAIL").then().statusCode(202);
        }
        Db.ageOtp(email, 61);
        int wait = Integer.parseInt(Accounts.requestOtp(email, "VERIFY_EMAIL").then().statusCode(429)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/otp-hourly-limit"))
                .extract().header("Retry-After"));
        // five requests spread over the last 5 x 61 s: the oldest leaves the hour in about 3600 - 305 s
        assertThat(wait).isBetween(3_200, 3_400);
    }

    @Test
    void fiveWrongCodesVoidTheCodeEvenForTheRightOneAfterwards() {
        String email = Accounts.newEmail("wrong");
        Accounts.register(email, Accounts.PASSWORD).then().statusCode(201);
        String code = MailServer.otp(email, 1);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 1; left--) {
            Accounts.verify(email, wrong).then().statusCode(400)
                    .body("errors[0].field", equalTo("otp"))
                    .body("errors[0].message", equalTo("kode OTP salah atau sudah tidak berlaku, sisa " + left + " percobaan"));
        }
        Accounts.verify(email, wrong).then().statusCode(429)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/otp-attempts-exceeded"))
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        Accounts.verify(email, code).then().statusCode(429);
        assertThat(Db.count("SELECT count(*) FROM account WHERE email = ? AND status = 'PENDING_VERIFICATION'", email))
                .isEqualTo(1);
    }

    @Test
    void expiredCodeIsRefusedAndANewOneCanBeRequested() {
        String email = Accounts.newEmail("expired");
        Accounts.register(email, Accounts.PASSWORD).then().statusCode(201);
        String code = MailServer.otp(email, 1);
        Db.ageOtp(email, 301); // the code lives 5 minutes
        // the same answer as a wrong code: an expired code must not tell that the email has an account
        Accounts.verify(email, code).then().statusCode(400)
                .body("errors[0].code", equalTo("account.otp.wrong"));
        Accounts.requestOtp(email, "VERIFY_EMAIL").then().statusCode(202);
        Accounts.verify(email, MailServer.otp(email, 2)).then().statusCode(200);
    }

    @Test
    void unknownEmailGetsTheSameAnswerAndNoMail() {
        String email = Accounts.newEmail("nobody");
        Accounts.requestOtp(email, "RESET_PASSWORD").then().statusCode(202);
        Accounts.requestOtp(email, "RESET_PASSWORD").then().statusCode(429)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/otp-too-soon"));
        assertThat(Db.count("SELECT count(*) FROM queued_mail WHERE recipient = ?", email)).isZero();
        assertThat(MailServer.messagesTo(email)).isEmpty();
    }

    @Test
    void otpsAreStoredOnlyAsHashes() {
        String email = Accounts.newEmail("hashed");
        Accounts.register(email, Accounts.PASSWORD).then().statusCode(201);
        String code = MailServer.otp(email, 1);
        assertThat(Db.count("SELECT count(*) FROM otp WHERE code_hash LIKE ?", "%" + code + "%")).isZero();
        // once sent, the mail body that carried the code is erased
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Db.count(
                "SELECT count(*) FROM queued_mail WHERE recipient = ? AND sent_at IS NOT NULL AND body IS NULL", email) == 1);
    }
}
