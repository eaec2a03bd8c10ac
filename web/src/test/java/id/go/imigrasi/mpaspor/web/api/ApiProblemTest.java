package id.go.imigrasi.mpaspor.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiProblemTest {

    @Test
    void anApiFieldPathBecomesTheFormFieldItBelongsTo() {
        assertThat(ApiProblem.formField("questionnaire.passportKind")).isEqualTo("passportKind");
        assertThat(ApiProblem.formField("register.body.email")).isEqualTo("email");
        assertThat(ApiProblem.formField("niks[0]")).isEqualTo("niks");
        assertThat(ApiProblem.formField("birthDate")).isEqualTo("birthDate");
        assertThat(ApiProblem.formField("")).isNull();
    }
}
