package id.go.imigrasi.mpaspor.application;

import static id.go.imigrasi.mpaspor.application.support.Fixtures.addApplicant;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.adult;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.createApplication;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.kafka;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.newAccount;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.application.support.DukcapilStubResource;
import id.go.imigrasi.mpaspor.application.support.MailCatcher;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every change of a draft's applicants is announced on application.events (ApplicantsChanged, key = application id,
 * the whole list of NIKs): quota-service only lets an account hold places for its applicants (issue 25).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = MailCatcher.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ApplicantsChangedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE = "mpaspor.application.ApplicantsChanged.v1";

    private static List<String> niks(CloudEvent event) throws Exception {
        JsonNode data = JSON.readTree(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
        List<String> niks = new ArrayList<>();
        data.get("niks").forEach(n -> niks.add(n.asText()));
        return niks;
    }

    @Test
    void addingCorrectingAndRemovingApplicantsAnnouncesTheWholeListEachTime() throws Exception {
        String account = newAccount();
        String app = createApplication(account);
        Map<String, Object> ayu = adult("Ayu Lestari");
        Map<String, Object> bima = adult("Bima Lestari");
        Map<String, Object> corrected = adult("Bima Lestari");

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "application.events")) {
            String ayuId = addApplicant(account, app, ayu);
            String bimaId = addApplicant(account, app, bima);
            given().auth().oauth2(token(account)).contentType(ContentType.JSON).body(corrected)
                    .when().put("/applications/{id}/applicants/{a}", app, bimaId).then().statusCode(200);
            given().auth().oauth2(token(account)).when().delete("/applications/{id}/applicants/{a}", app, bimaId)
                    .then().statusCode(204);

            var events = probe.awaitCount(r -> app.equals(r.key()) && TYPE.equals(r.value().getType()), 4,
                    Duration.ofSeconds(30));
            assertThat(niks(events.get(0).value())).containsExactly((String) ayu.get("nik"));
            assertThat(niks(events.get(1).value())).containsExactly((String) ayu.get("nik"), (String) bima.get("nik"));
            assertThat(niks(events.get(2).value())).containsExactly((String) ayu.get("nik"),
                    (String) corrected.get("nik"));
            assertThat(niks(events.get(3).value())).containsExactly((String) ayu.get("nik"));
            JsonNode last = JSON.readTree(new String(events.get(3).value().getData().toBytes(), StandardCharsets.UTF_8));
            assertThat(last.get("accountId").asText()).isEqualTo(account);
            assertThat(last.get("applicationId").asText()).isEqualTo(app);
            // upload-service's projection: the same applicants by id, and the application is still a draft
            JsonNode second = JSON.readTree(new String(events.get(1).value().getData().toBytes(),
                    StandardCharsets.UTF_8));
            assertThat(second.get("applicantIds").get(0).asText()).isEqualTo(ayuId);
            assertThat(second.get("applicantIds").get(1).asText()).isEqualTo(bimaId);
            assertThat(last.get("applicantIds")).hasSize(1);
            assertThat(last.get("applicantIds").get(0).asText()).isEqualTo(ayuId);
            assertThat(last.get("draft").asBoolean()).isTrue();
        }
    }
}
