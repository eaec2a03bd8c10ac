package id.go.imigrasi.mpaspor.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Opens the mapper's package-private helpers to tests in other packages. */
public final class ProblemMapperProbe {

    private ProblemMapperProbe() {
    }

    public static String duplicateField(JsonProcessingException e) {
        return ProblemMapper.duplicateField(e);
    }
}
