package id.go.imigrasi.mpaspor.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Every message of the AsyncAPI document has an example a consumer can test against: built from the contracts
 * record, with every required payload field, the record key as ce_subject and ce_partitionkey.
 */
class EventExamplesTest {

    @Test
    void everyMessageHasARealisticExampleWithEveryRequiredField() throws Exception {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(AsyncApiDocument.render(AsyncApiDocument.discover()));
        JsonNode messages = doc.path("components").path("messages");
        assertThat(messages.size()).as("messages").isGreaterThan(40);
        messages.fields().forEachRemaining(m -> {
            JsonNode message = m.getValue();
            assertThat(message.path("examples")).as(m.getKey() + " has an example").hasSize(1);
            JsonNode example = message.path("examples").get(0);
            Set<String> fields = new HashSet<>();
            example.path("payload").fieldNames().forEachRemaining(fields::add);
            message.path("payload").path("required").forEach(r -> assertThat(fields)
                    .as(m.getKey() + " example has " + r.asText()).contains(r.asText()));
            assertThat(example.at("/headers/ce_type").asText()).isEqualTo(message.path("name").asText());
            assertThat(example.at("/headers/ce_subject").asText()).as(m.getKey() + " key").isNotBlank()
                    .isEqualTo(example.at("/headers/ce_partitionkey").asText());
        });
        JsonNode submitted = messages.path("ApplicationSubmittedV1").path("examples").get(0).path("payload");
        assertThat(submitted.path("officeCode").asText()).isEqualTo("JKTSEL");
        assertThat(submitted.path("appointmentDate").asText()).as("a date, not a number").isEqualTo("2026-12-14");
        assertThat(submitted.path("applicants").get(0).path("nik").asText()).matches("\\d{16}");
    }
}
