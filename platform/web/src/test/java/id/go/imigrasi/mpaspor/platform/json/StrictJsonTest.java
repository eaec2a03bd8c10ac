package id.go.imigrasi.mpaspor.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import id.go.imigrasi.mpaspor.platform.problem.ProblemMapperProbe;

/** The platform's JSON reads exactly what the client sent, or refuses it (no Quarkus needed). */
class StrictJsonTest {

    public record Person(String name, Integer age, Boolean adult, List<String> tags) {
    }

    private final ObjectMapper json = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson(64, 64, 100_000).customize(mapper);
        return mapper;
    }

    @Test
    void aDuplicateKeyIsRefusedAndNamed() {
        assertThatThrownBy(() -> json.readValue("{\"tags\":[\"a\"],\"name\":\"A\",\"name\":\"B\"}", Person.class))
                .isInstanceOfSatisfying(JsonProcessingException.class,
                        e -> assertThat(ProblemMapperProbe.duplicateField(e)).isEqualTo("name"));
        assertThatThrownBy(() -> json.readValue("[{\"name\":\"A\"},{\"age\":1,\"age\":2}]", Person[].class))
                .isInstanceOfSatisfying(JsonProcessingException.class,
                        e -> assertThat(ProblemMapperProbe.duplicateField(e)).describedAs(e.getClass() + ": " + e.getMessage()).isEqualTo("[1].age"));
    }

    @Test
    void trailingTokensAreRefused() {
        assertThatThrownBy(() -> json.readValue("{\"name\":\"A\"} x", Person.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> json.readValue("{\"name\":\"A\"}{}", Person.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void scalarsAreNotCoerced() {
        assertThatThrownBy(() -> json.readValue("{\"name\":12}", Person.class)).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"name\":true}", Person.class)).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"age\":\"12\"}", Person.class)).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"adult\":1}", Person.class)).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"adult\":\"true\"}", Person.class)).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"tags\":[1]}", Person.class)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void nulIsRefusedWithItsPath() {
        assertThatThrownBy(() -> json.readValue("{\"name\":\"a\\u0000b\"}", Person.class))
                .isInstanceOfSatisfying(ControlCharacterException.class,
                        e -> assertThat(e.getPathReference()).contains("name"));
        assertThatThrownBy(() -> json.readValue("{\"tags\":[\"ok\",\"a\\u0000\"]}", Person.class))
                .isInstanceOfSatisfying(JsonMappingException.class,
                        e -> assertThat(e).isInstanceOf(ControlCharacterException.class));
    }

    @Test
    void wellFormedInputStillReads() throws Exception {
        Person p = json.readValue("{\"name\":\"Siti\",\"age\":30,\"adult\":true,\"tags\":[\"x\"]}", Person.class);
        assertThat(p).isEqualTo(new Person("Siti", 30, true, List.of("x")));
    }

    @Test
    void deepNestingAndHugeNumbersAreRefused() {
        assertThatThrownBy(() -> json.readTree("[".repeat(100) + "]".repeat(100))).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> json.readValue("{\"age\":" + "9".repeat(100) + "}", Person.class))
                .isInstanceOf(JsonProcessingException.class);
    }
}
