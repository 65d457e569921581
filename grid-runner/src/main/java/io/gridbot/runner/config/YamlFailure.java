package io.gridbot.runner.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;

/**
 * A file the YAML reader gave up on, as a problem a user can act on: a duplicate key or a number no decimal
 * can hold is the fault of one field, and is reported as such; anything else is the file's.
 */
final class YamlFailure {

    private YamlFailure() {
    }

    static GridFile.Problem of(IOException e) {
        String message = firstLine(e.getMessage());
        if (e instanceof StreamReadException read && read.getProcessor() instanceof JsonParser parser
                && fieldOf(parser) != null) {
            String field = fieldOf(parser);
            String grid = gridPosition(parser.getParsingContext());
            if (message.startsWith("Duplicate field")) {
                return new GridFile.Problem(grid, field, "appears twice; give each field once");
            }
            if (message.contains("numeric value") || message.contains("Number value length")) {
                return new GridFile.Problem(grid, field, "must be a decimal number the database can keep: " + message);
            }
        }
        return new GridFile.Problem(null, null, "not valid YAML: " + message);
    }

    private static String fieldOf(JsonParser parser) {
        try {
            return parser.currentName();
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code #2} for the second grid of a {@code grids:} list; {@code null} for a file of one grid. */
    private static String gridPosition(JsonStreamContext context) {
        for (JsonStreamContext c = context; c != null; c = c.getParent()) {
            if (c.inArray()) {
                return "#" + (c.getCurrentIndex() + 1);
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }
}
