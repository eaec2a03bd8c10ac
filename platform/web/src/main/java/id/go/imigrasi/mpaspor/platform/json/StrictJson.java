package id.go.imigrasi.mpaspor.platform.json;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The one JSON configuration of every M-Paspor application: a request means exactly what it says, or it is refused
 * with problem+json 400 (the {@code ProblemMapper} names the field where Jackson knows it).
 * <ul>
 * <li>a key twice in one object is refused ({@code {"email":"a","email":"b"}} is ambiguous: which did the client
 * mean?);</li>
 * <li>anything after the JSON value is refused ({@code {...}garbage});</li>
 * <li>no coercion between scalar kinds: a number or boolean is not a text, {@code "10"} is not a number, a number is
 * not an enum constant;</li>
 * <li>text never carries NUL (U+0000), which PostgreSQL refuses in {@code text} with an error (22021) that would
 * otherwise surface as a 500 ({@link NulFreeStringDeserializer});</li>
 * <li>bounded parsing work: nesting depth, number length and text length ({@code mpaspor.json.*}); each request
 * record's {@code @Size} is the precise bound, these are the backstop for fields without one.</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    private final int maxNestingDepth;
    private final int maxNumberLength;
    private final int maxStringLength;

    public StrictJson(@ConfigProperty(name = "mpaspor.json.max-nesting-depth", defaultValue = "64") int maxNestingDepth,
            @ConfigProperty(name = "mpaspor.json.max-number-length", defaultValue = "64") int maxNumberLength,
            @ConfigProperty(name = "mpaspor.json.max-string-length", defaultValue = "100000") int maxStringLength) {
        this.maxNestingDepth = maxNestingDepth;
        this.maxNumberLength = maxNumberLength;
        this.maxStringLength = maxStringLength;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth).maxNumberLength(maxNumberLength).maxStringLength(maxStringLength)
                .build());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        for (LogicalType number : new LogicalType[] { LogicalType.Integer, LogicalType.Float }) {
            mapper.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("mpaspor-strict-json")
                .addDeserializer(String.class, new NulFreeStringDeserializer()));
    }
}
