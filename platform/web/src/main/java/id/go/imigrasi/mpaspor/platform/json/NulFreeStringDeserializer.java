package id.go.imigrasi.mpaspor.platform.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/**
 * Jackson's own text deserializer (same coercion rules), refusing NUL (U+0000): PostgreSQL cannot store it in
 * {@code text} or {@code jsonb}, so it is refused with the field's name before any use case sees it.
 */
public class NulFreeStringDeserializer extends StringDeserializer {

    private static final long serialVersionUID = 1L;

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = super.deserialize(p, ctxt);
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new ControlCharacterException(p, "text contains NUL (U+0000)");
        }
        return value;
    }

    @Override
    public boolean isCachable() {
        return true;
    }
}
