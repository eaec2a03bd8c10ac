package id.go.imigrasi.mpaspor.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.IndexReader;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import id.go.imigrasi.mpaspor.contracts.EventTypes;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;
import id.go.imigrasi.mpaspor.contracts.billing.BillingPaid;
import id.go.imigrasi.mpaspor.gateway.support.FakeUpstreams;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Integrators read one OpenAPI (the services' documents under the public paths; the fake account and
 * application services publish one, the other four none and are listed missing) and one AsyncAPI of the
 * topics, generated from the contracts.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DocsTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void openApiAggregatesTheServicesUnderThePublicPaths() throws Exception {
        JsonNode doc = json.readTree(given().queryParam("format", "json").when().get("/docs/openapi")
                .then().statusCode(200).contentType(containsString("json")).extract().asString());
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(doc.path("paths").has("/api/v1/accounts")).isTrue();
        assertThat(doc.path("paths").has("/api/v1/applications/{id}")).isTrue();
        // the services' own ops endpoints are not part of the public API
        assertThat(doc.path("paths").toString()).doesNotContain("/q/health");
        List<String> missing = new ArrayList<>();
        doc.path("x-mpaspor-missing-services").forEach(n -> missing.add(n.asText()));
        assertThat(missing).containsExactlyInAnyOrder("quota-service", "billing-service", "biometric-service",
                "upload-service");
        assertThat(doc.path("info").path("description").asText()).contains("quota-service");
        assertThat(doc.path("tags").findValuesAsText("name")).contains("account", "application");
    }

    @Test
    void componentsAreMergedWithoutCollisions() throws Exception {
        JsonNode doc = json.readTree(given().when().get("/docs/openapi.json").then().statusCode(200)
                .extract().asString());
        JsonNode schemas = doc.path("components").path("schemas");
        // both services call their answer schema "Created", with different content: one keeps the name, the
        // other is prefixed, and each service's $ref still points at its own
        assertThat(schemas.has("Created")).isTrue();
        assertThat(schemas.has("Application_Created")).isTrue();
        assertThat(schemas.path("Application_Created").path("properties").has("applicationField")).isTrue();
        assertThat(schemas.path("Created").path("properties").has("accountField")).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1applications~1{id}/post/responses/201/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/Application_Created");
        assertThat(doc.at("/paths/~1api~1v1~1accounts/post/responses/201/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/Created");
        // errors, whatever each service called its schema: the one shared Problem (RFC 9457 + errors[]), and the
        // services' own error schemas, referred to by nothing any more, are gone
        for (String path : List.of("/~1api~1v1~1applications~1{id}", "/~1api~1v1~1accounts")) {
            assertThat(doc.at("/paths" + path + "/post/responses/400/content/application~1problem+json/schema/$ref")
                    .asText()).isEqualTo("#/components/schemas/Problem");
        }
        assertThat(schemas.path("Problem").path("required").toString()).contains("type", "title", "status");
        assertThat(schemas.path("Problem").path("properties").has("errors")).isTrue();
        assertThat(schemas.has("Application_Problem")).isFalse();
        // both services named their operation "create": operationIds stay unique in the aggregate
        assertThat(doc.path("paths").findValuesAsText("operationId")).doesNotHaveDuplicates().hasSize(2)
                .contains("create");
        // an identical schema is kept once, unprefixed
        assertThat(schemas.has("Shared")).isTrue();
        assertThat(schemas.has("Application_Shared")).isFalse();
    }

    @Test
    void everyOperationDeclaresTheAnswersEveryOperationCanGiveAndItsSecurity() throws Exception {
        JsonNode doc = json.readTree(given().when().get("/docs/openapi.json").then().statusCode(200)
                .extract().asString());
        JsonNode accounts = doc.at("/paths/~1api~1v1~1accounts/post");
        assertThat(accounts.path("security").isArray() && accounts.path("security").isEmpty())
                .as("a service that states no security: public, security: []").isTrue();
        assertThat(accounts.path("responses").has("401")).as("no 401 on a public operation").isFalse();
        for (String overload : List.of("429", "503")) {
            JsonNode answer = accounts.path("responses").path(overload);
            assertThat(answer.path("headers").path("Retry-After").path("$ref").asText())
                    .isEqualTo("#/components/headers/Retry-After");
            assertThat(answer.at("/content/application~1problem+json/schema/$ref").asText())
                    .isEqualTo("#/components/schemas/Problem");
        }
        assertThat(doc.at("/components/headers/Retry-After/schema/type").asText()).isEqualTo("integer");
        assertThat(accounts.path("responses").has("413") && accounts.path("responses").has("415"))
                .as("a body may be too large or of another media type (HttpGuard, JsonBodyGuard)").isTrue();
        assertThat(accounts.at("/responses/409/description").asText()).as("a write may meet a concurrent change")
                .contains("concurrent-change");
        assertThat(accounts.at("/responses/409/headers/Retry-After/$ref").asText())
                .isEqualTo("#/components/headers/Retry-After");
        JsonNode application = doc.at("/paths/~1api~1v1~1applications~1{id}/post");
        assertThat(application.path("responses").has("404")).as("a path naming a resource may answer 404").isTrue();
        assertThat(application.path("parameters").findValuesAsText("name"))
                .as("the path's parameter declared, as generators require").contains("id");
        assertThat(application.path("responses").has("415")).as("no body, no 415").isFalse();
        assertThat(application.path("responses").path("400").path("description").asText())
                .as("a service's own description is kept").isEqualTo("bad");
        assertThat(doc.path("info").path("license").path("name").asText()).isNotBlank();
        assertThat(doc.path("tags").findValuesAsText("description")).hasSize(doc.path("tags").size());
    }

    @Test
    void openApiIsYamlByDefaultLikeQuarkusOwn() throws Exception {
        String body = given().when().get("/docs/openapi").then().statusCode(200)
                .contentType(containsString("yaml")).extract().asString();
        assertThat(yaml.readTree(body).path("paths").has("/api/v1/accounts")).isTrue();
    }

    @Test
    void swaggerUiIsServedAtDocs() {
        given().when().get("/docs/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void asyncApiListsEveryContractEventOnItsTopicWithKeyAndSchema() throws Exception {
        String body = given().when().get("/docs/asyncapi.yaml").then().statusCode(200)
                .contentType(containsString("yaml")).extract().asString();
        JsonNode doc = yaml.readTree(body);
        assertThat(doc.path("asyncapi").asText()).isEqualTo("2.6.0");
        List<Class<?>> events = contractEvents();
        assertThat(events).hasSizeGreaterThan(10).contains(BillingPaid.class);
        assertThat(doc.path("components").path("messages").size()).isEqualTo(events.size());
        for (Class<?> event : events) {
            String topic = EventTypes.topic(event);
            String ceType = EventTypes.ceType(event);
            JsonNode channel = doc.path("channels").path(topic);
            assertThat(channel.isMissingNode()).as(topic).isFalse();
            List<String> refs = channel.path("subscribe").path("message").path("oneOf").findValuesAsText("$ref");
            JsonNode message = null;
            for (String ref : refs) {
                JsonNode candidate = doc.path("components").path("messages").path(ref.substring(ref.lastIndexOf('/') + 1));
                if (ceType.equals(candidate.path("name").asText())) {
                    message = candidate;
                }
            }
            assertThat(message).as(ceType + " on " + topic).isNotNull();
            assertThat(message.path("headers").path("properties").path("ce_type").path("const").asText())
                    .isEqualTo(ceType);
            assertThat(message.path("headers").path("properties").path("ce_specversion").path("const").isTextual())
                    .isTrue();
            assertThat(message.path("bindings").path("kafka").path("key").path("type").asText()).isEqualTo("string");
            for (var component : event.getRecordComponents()) {
                assertThat(message.path("payload").path("properties").has(component.getName()))
                        .as(ceType + "." + component.getName()).isTrue();
            }
        }
        JsonNode paid = doc.path("components").path("messages").path("BillingPaidV1");
        assertThat(paid.path("bindings").path("kafka").path("key").path("description").asText())
                .contains("applicationId");
        assertThat(paid.path("payload").path("properties").path("paidAt").path("format").asText())
                .isEqualTo("date-time");
        assertThat(paid.path("payload").path("properties").path("amount").path("type").asText())
                .isEqualTo("integer");
    }

    @Test
    void asyncApiDescribesTheWaitingRoomEvents() throws Exception {
        JsonNode messages = yaml.readTree(given().when().get("/docs/asyncapi.yaml").then().statusCode(200).extract()
                .asString()).path("components").path("messages");
        assertThat(messages.path("QueueOpenedV1").path("description").asText()).contains("releaseAt", "hold pass");
        assertThat(messages.path("PositionsAdmittedV1").path("description").asText()).contains("claimUntil");
        assertThat(messages.path("ReleaseSoldOutV1").path("description").asText()).contains("nextReleaseAt");
        assertThat(messages.path("QueueOpenedV1").path("name").asText()).isEqualTo("mpaspor.quota.QueueOpened.v1");
        assertThat(messages.path("PositionsAdmittedV1").path("payload").path("properties").has("accountIds")).isTrue();
        assertThat(messages.path("ReleaseSoldOutV1").path("bindings").path("kafka").path("key").path("description")
                .asText()).contains("releaseId");
    }

    /** The catalogue read straight from the contracts module's own Jandex index. */
    private static List<Class<?>> contractEvents() throws Exception {
        List<Class<?>> events = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Enumeration<URL> indexes = loader.getResources("META-INF/jandex.idx");
        while (indexes.hasMoreElements()) {
            URL url = indexes.nextElement();
            if (!url.toString().contains("contracts")) {
                continue;
            }
            Index index;
            try (InputStream in = url.openStream()) {
                index = new IndexReader(in).read();
            }
            for (ClassInfo info : index.getAllKnownImplementors(DotName.createSimple(IntegrationEvent.class))) {
                events.add(Class.forName(info.name().toString(), false, loader));
            }
        }
        return events;
    }
}
