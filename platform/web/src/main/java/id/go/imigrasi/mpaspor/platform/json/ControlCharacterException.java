package id.go.imigrasi.mpaspor.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A text value carries a character no field may hold (NUL); the problem mapper names the field. */
public class ControlCharacterException extends MismatchedInputException {

    private static final long serialVersionUID = 1L;

    public ControlCharacterException(JsonParser parser, String message) {
        super(parser, message, String.class);
    }
}
