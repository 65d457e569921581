package io.gridbot.runner.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * {@code --output text|json|yaml}: text for people, or the document the daemon's API serves for the same question,
 * as JSON or as YAML.
 */
public final class OutputOptions {

    /** How a command prints its answer. */
    public enum Format {
        TEXT, JSON, YAML
    }

    /** Made on first use only: a command that answers in text loads neither (start time counts). */
    private static final class Json {
        static final ObjectMapper OUT = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private static final class Yaml {
        static final ObjectMapper OUT = new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)); // "26000.5" stays text, as in JSON
    }

    @Option(names = {"-o", "--output"}, defaultValue = "TEXT", paramLabel = "text|json|yaml",
            description = "text (the default), or the API's document as json or yaml")
    Format format = Format.TEXT;

    /** Whether the answer is for people. */
    boolean text() {
        return format == Format.TEXT;
    }

    /** Prints the document as JSON or YAML. */
    void print(PrintWriter out, Object document) {
        print(out, document, format == Format.YAML ? Yaml.OUT : Json.OUT);
    }

    /** Prints the document as JSON. */
    static void json(PrintWriter out, Object document) {
        print(out, document, Json.OUT);
    }

    private static void print(PrintWriter out, Object document, ObjectMapper mapper) {
        try {
            String text = mapper.writeValueAsString(document);
            out.print(text.endsWith("\n") ? text : text + System.lineSeparator());
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
