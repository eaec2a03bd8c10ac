package id.go.imigrasi.mpaspor.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the aggregate adds to every operation, and the Java-named schemas it writes as the JSON types they are. */
class PublicContractTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void javaNamedSchemasBecomeTheirJsonTypesAndDisappear() throws Exception {
        ObjectNode doc = (ObjectNode) json.readTree("""
                {"openapi":"3.1.0","paths":{"/api/v1/things/{id}":{"get":{"security":[{"bearer":[]}],
                  "responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}}}}},
                 "components":{"schemas":{
                  "Thing":{"type":"object","properties":{
                    "id":{"$ref":"#/components/schemas/UUID","type":"string","examples":["0b6c1f55-2b0f-4d38-9d0e-7a4a50d3c001"]},
                    "day":{"$ref":"#/components/schemas/LocalDate"},
                    "at":{"$ref":"#/components/schemas/Instant","description":"When it happened"},
                    "details":{"$ref":"#/components/schemas/JsonNode"}}},
                  "UUID":{"type":"string","format":"uuid","pattern":"[a-f0-9-]+"},
                  "LocalDate":{"type":"string","format":"date"},
                  "Instant":{"type":"string","format":"date-time"},
                  "JsonNode":{"type":"object","properties":{"nodeType":{"$ref":"#/components/schemas/JsonNodeType"}}},
                  "JsonNodeType":{"type":"string","enum":["ARRAY"]}}}}
                """);
        new PublicContract().complete(doc);
        assertThat(doc.path("components").path("schemas").fieldNames()).toIterable()
                .contains("Thing", "Problem", "ProblemFieldError")
                .doesNotContain("UUID", "LocalDate", "Instant", "JsonNode", "JsonNodeType");
        var thing = doc.at("/components/schemas/Thing/properties");
        assertThat(thing.path("id").toString()).isEqualTo(
                "{\"type\":\"string\",\"examples\":[\"0b6c1f55-2b0f-4d38-9d0e-7a4a50d3c001\"],\"format\":\"uuid\"}");
        assertThat(thing.path("day").path("format").asText()).isEqualTo("date");
        assertThat(thing.path("at").path("format").asText()).isEqualTo("date-time");
        assertThat(thing.path("at").path("description").asText()).as("the service's words stay")
                .isEqualTo("When it happened");
        assertThat(thing.path("details").path("type").asText()).isEqualTo("object");
        assertThat(doc.toString()).doesNotContain("$ref\":\"#/components/schemas/UUID");
    }

    @Test
    void everyOperationGetsItsPathParametersOverloadAnswersAndProblems() throws Exception {
        ObjectNode doc = (ObjectNode) json.readTree("""
                {"openapi":"3.1.0","paths":{
                  "/api/v1/things/{id}":{"get":{"security":[{"SecurityScheme":["applicant"]}],"responses":{"200":{"description":"ok"}}}},
                  "/api/v1/offices":{"get":{"responses":{"200":{"description":"ok"}}}},
                  "/api/v1/bills/{code}/invoice.pdf":{"get":{"responses":{"200":{"description":"ok",
                    "content":{"application/pdf":{}}}}}}}}
                """);
        new PublicContract().complete(doc);
        var get = doc.at("/paths/~1api~1v1~1things~1{id}/get");
        assertThat(get.path("security").toString()).as("the roles under the scheme's own name")
                .isEqualTo("[{\"bearerJwt\":[\"applicant\"]}]");
        assertThat(doc.at("/components/securitySchemes/bearerJwt/scheme").asText()).isEqualTo("bearer");
        assertThat(get.path("parameters").get(0).path("name").asText()).isEqualTo("id");
        assertThat(get.path("responses").fieldNames()).toIterable()
                .contains("200", "400", "401", "403", "404", "429", "503");
        assertThat(get.at("/responses/503/headers/Retry-After/$ref").asText()).isEqualTo(PublicContract.RETRY_AFTER);
        assertThat(get.at("/responses/404/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo(PublicContract.PROBLEM);
        var offices = doc.at("/paths/~1api~1v1~1offices/get");
        assertThat(offices.path("security").isArray() && offices.path("security").isEmpty())
                .as("a public operation says security: []").isTrue();
        assertThat(offices.path("responses").has("401")).isFalse();
        assertThat(doc.at("/paths/~1api~1v1~1bills~1{code}~1invoice.pdf/get/responses/200/content/application~1pdf/schema")
                .toString()).as("a PDF is bytes a client keeps").isEqualTo("{\"type\":\"string\",\"format\":\"binary\"}");
    }

    @Test
    void theSuccessOfAHeadIsItsHeadersWithoutContent() throws Exception {
        // what SmallRye made of tus's HEAD: the resource class @Produces JSON, so a 200 "with a JSON body"
        ObjectNode doc = (ObjectNode) json.readTree("""
                {"openapi":"3.1.0","paths":{"/api/v1/uploads/{id}":{"head":{"security":[{"bearer":[]}],
                  "responses":{"200":{"description":"where to resume","headers":{"Upload-Offset":{"schema":{"type":"integer"}}},
                    "content":{"application/json":{}}},
                   "410":{"description":"upload-expired"}}}}}}
                """);
        new PublicContract().complete(doc);
        var head = doc.at("/paths/~1api~1v1~1uploads~1{id}/head/responses");
        assertThat(head.path("200").has("content")).as("a HEAD's answer has no body").isFalse();
        assertThat(head.at("/200/headers/Upload-Offset").isMissingNode()).as("its headers stay").isFalse();
        assertThat(head.at("/410/content/application~1problem+json/schema/$ref").asText())
                .as("a refusal keeps its declared type, which Content-Type names").isEqualTo(PublicContract.PROBLEM);
    }
}
