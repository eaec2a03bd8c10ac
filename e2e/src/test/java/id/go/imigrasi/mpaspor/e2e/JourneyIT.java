package id.go.imigrasi.mpaspor.e2e;

import static id.go.imigrasi.mpaspor.e2e.Journey.say;
import static id.go.imigrasi.mpaspor.e2e.Journey.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The seed's journey, end to end, through the gateway only: two applicants, an officer, a payment channel.
 * Each step depends on the previous ones (one shared system, one ordered scenario).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneyIT {

    private SystemUnderTest system;
    private Journey journey;
    private Mailbox mailbox;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private String siti;
    private String budi;
    private final String sitiEmail = "siti." + run + "@example.id";
    private final String budiEmail = "budi." + run + "@example.id";

    @BeforeAll
    void startTheSystem() {
        step("Starting the whole system (./mpaspor up, ports +" + SystemUnderTest.OFFSET + ")");
        system = new SystemUnderTest(Map.of(
                // step 7: an unpaid bill expires within the test's patience
                "MPASPOR_BILLING_PAYMENT_DEADLINE", "PT45S"));
        system.start();
        journey = new Journey(system.gateway());
        mailbox = new Mailbox(SystemUnderTest.port(3143));
    }

    @AfterAll
    void stopTheSystem() {
        if (system != null) {
            step("Stopping the system (./mpaspor down)");
            system.close();
        }
    }

    @Test
    @Order(1)
    void twoApplicantsRegisterVerifyTheirEmailAndLogIn() {
        step("1. Two accounts register, read their OTP from the mailbox, verify and log in");
        siti = journey.registerVerifyAndLogin(mailbox, "Siti Rahmawati", sitiEmail, "0812-3456-7890", "Kopi-Tubruk-2026");
        budi = journey.registerVerifyAndLogin(mailbox, "Budi Santoso", budiEmail, "+62 813 1111 2222", "Nasi-Goreng-2026");
        assertThat(siti).isNotBlank().isNotEqualTo(budi);
        journey.as(siti).get("/accounts/me").then().statusCode(200);
        say("  both accounts are ACTIVE and hold access tokens");
    }
}
