package io.gridbot.runner.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The API's OpenAPI 3.1 description, {@code openapi.yaml} beside this class: every route of the API with its
 * parameters, bodies, answers and both ways in (a bearer token, or the dashboard's session with its CSRF
 * header). Tests hold it to the server's route table and its real answers.
 */
public final class OpenApiDocument {

    /** Where the server publishes it, open to anyone. */
    public static final String PATH = "/api/openapi.yaml";
    /** Its media type. */
    public static final String MEDIA_TYPE = "application/yaml; charset=utf-8";
    private static final String RESOURCE = "openapi.yaml";

    private OpenApiDocument() {
    }

    /** The document's bytes (UTF-8 YAML). */
    public static byte[] bytes() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + RESOURCE + " beside " + OpenApiDocument.class.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
