package id.go.imigrasi.mpaspor.billing;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import id.go.imigrasi.mpaspor.billing.domain.BillingCode;
import id.go.imigrasi.mpaspor.billing.service.CallbackAuthenticator;
import id.go.imigrasi.mpaspor.simulators.payment.PaymentChannelSimulator;
import id.go.imigrasi.mpaspor.testkit.BadInputFuzz;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.ServiceContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** billing-service boots against the real broker and a fresh database and keeps the platform's promises. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "billing"))
class BillingServiceContractTest extends ServiceContract {

    @Override
    protected String applicationName() {
        return "billing-service";
    }

    private static final String CHANNEL = "bank-teller";

    private static String secret() {
        return ConfigProvider.getConfig().getValue("mpaspor.billing.channel." + CHANNEL + ".secret", String.class);
    }

    /**
     * The callback path's channel is one the service knows: an unknown one is a 404 before the body is read, and
     * the fuzz would never reach the callback's parser.
     */
    @Override
    protected Map<String, String> fuzzPathValues() {
        return Map.of("channel", CHANNEL);
    }

    /** ... and each fuzz body is signed as the channel signs it: an unsigned one is a 401 before it is parsed. */
    @Override
    protected BadInputFuzz.Signer fuzzSigner() {
        return (method, path, body) -> {
            if (!path.startsWith("/payments/callbacks/")) {
                return Map.of();
            }
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            return Map.of(CallbackAuthenticator.TIMESTAMP_HEADER, timestamp, CallbackAuthenticator.SIGNATURE_HEADER,
                    HexFormat.of().formatHex(CallbackAuthenticator.sign(secret(), timestamp, body)));
        };
    }

    /** An applicant looks up the bill of an application; a channel's payment callback is the write. */
    @Override
    protected Optional<LostConnectionProbe> lostConnectionProbe() {
        String applicant = TestJwt.applicant(UUID.randomUUID().toString());
        String code = BillingCode.of(8, System.nanoTime() % 1_000_000_000L);
        return Optional.of(new LostConnectionProbe(
                "bill", () -> given().auth().oauth2(applicant).queryParam("applicationId", UUID.randomUUID().toString())
                        .when().get("/bills").andReturn(),
                "bill", () -> {
                    String body = PaymentChannelSimulator.body(code, 650_000, "LOST-" + UUID.randomUUID(), Instant.now());
                    String timestamp = String.valueOf(Instant.now().getEpochSecond());
                    return given().contentType("application/json")
                            .header(CallbackAuthenticator.TIMESTAMP_HEADER, timestamp)
                            .header(CallbackAuthenticator.SIGNATURE_HEADER, PaymentChannelSimulator.sign(secret(), timestamp, body))
                            .body(body).when().post("/payments/callbacks/" + CHANNEL).andReturn();
                }));
    }
}
