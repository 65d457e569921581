package io.gridbot.runner.web;

import static io.gridbot.runner.web.DashboardFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.gridbot.persistence.token.TokenScope;
import io.gridbot.runner.api.OpenApiDocument;
import io.gridbot.runner.api.TokenMint;
import io.gridbot.runner.web.http.Access;
import io.gridbot.runner.web.http.Route;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checked-in OpenAPI document against the server: it parses as OpenAPI 3.1, it names exactly the API routes
 * of the server's route table (each with its method, and open to anyone exactly where the route is public), and
 * real answers of a server with a trading grid, errors included, fit the schemas it gives for them.
 */
class OpenApiContractTest {

    /** Documented here, served by the health and metrics routes; may be absent from this route table. */
    private static final Set<String> SERVED_BESIDE = Set.of("GET /health", "GET /metrics");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode DOCUMENT = read();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete", "head");

    @TempDir
    Path dir;

    private DashboardFixture f;
    private String read;
    private String control;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> checked = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        f = new DashboardFixture(dir);
        read = token("reader", TokenScope.READ);
        control = token("controller", TokenScope.CONTROL);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static JsonNode read() {
        try {
            return new YAMLMapper().readTree(OpenApiDocument.bytes());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String token(String name, TokenScope scope) {
        String token = TokenMint.mint();
        f.db.apiTokens().create(name, scope, TokenMint.hash(token), System.currentTimeMillis());
        return token;
    }

    @Test
    void theDocumentParsesAsOpenApi31WithBothWaysIn() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(
                new String(OpenApiDocument.bytes(), StandardCharsets.UTF_8), null, options);
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI()).isNotNull();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1.");
        assertThat(parsed.getOpenAPI().getComponents().getSecuritySchemes()).containsKeys("bearer", "session", "csrf");
        assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/api/grids", "/health", "/metrics", OpenApiDocument.PATH);
    }

    @Test
    void theDocumentAndTheRouteTableNameTheSameApiRoutes() {
        Set<String> served = new TreeSet<>();
        Set<String> open = new TreeSet<>();
        for (Route route : f.server.routes()) {
            if (route.pattern().startsWith("/api/") || route.pattern().contains("/export/")
                    || SERVED_BESIDE.contains(route.method() + " " + route.pattern())) {
                served.add(route.method() + " " + route.pattern());
                if (route.access() == Access.PUBLIC) {
                    open.add(route.method() + " " + route.pattern());
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        Set<String> documentedOpen = new TreeSet<>();
        DOCUMENT.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (METHODS.contains(op.getKey())) {
                String key = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                documented.add(key);
                JsonNode security = op.getValue().get("security");
                if (security != null && security.isEmpty()) {
                    documentedOpen.add(key);
                }
            }
        }));
        assertThat(served).as("every API route is documented").isSubsetOf(documented);
        Set<String> onlyDocumented = new TreeSet<>(documented);
        onlyDocumented.removeAll(served);
        assertThat(onlyDocumented).as("every documented route is served").isSubsetOf(SERVED_BESIDE);
        documentedOpen.retainAll(served);
        assertThat(documentedOpen).as("open exactly where the route is public").isEqualTo(open);
    }

    @Test
    void theDocumentIsServedToAnyone() throws Exception {
        HttpResponse<String> served = http.send(HttpRequest.newBuilder(f.uri(OpenApiDocument.PATH)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/yaml"));
        assertThat(served.body()).isEqualTo(new String(OpenApiDocument.bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void realAnswersOfAServerWithATradingGridFitTheDocumentedSchemas() throws Exception {
        answer("POST", "/api/grids/{name}/control", "/api/grids/g/control", control, "{\"action\":\"start\"}");
        f.trade("26050.0");
        await("orders", f::buysResting);
        f.trade("25890.0"); // the buys at 26,000 and 25,900 fill
        await("fills stored", () -> f.db.fills().between(f.gridId, 0, Long.MAX_VALUE).size() >= 2);

        answer("GET", "/api/grids", "/api/grids", read, null);
        answer("GET", "/api/totals", "/api/totals", read, null);
        answer("GET", "/api/alerts", "/api/alerts", read, null);
        answer("GET", "/api/grids/{name}", "/api/grids/g", read, null);
        answer("GET", "/api/grids/{name}/logs", "/api/grids/g/logs", read, null);
        answer("GET", "/api/grids/{name}/logs", "/api/grids/g/logs?types=fill,order&q=BUY", read, null);
        answer("GET", "/api/grids/{name}/statistics", "/api/grids/g/statistics", read, null);
        answer("GET", "/api/grids/{name}/statistics", "/api/grids/g/statistics?period=day_1", read, null);
        answer("GET", "/api/grids/{name}/equity", "/api/grids/g/equity", read, null);
        await("a candle stored", () -> !f.db.candles().minutes(f.gridId, 0, Long.MAX_VALUE).isEmpty());
        answer("GET", "/api/grids/{name}/candles", "/api/grids/g/candles", read, null);
        answer("GET", "/api/grids/{name}/candles", "/api/grids/g/candles?interval=1h&since="
                + (System.currentTimeMillis() - 86_400_000L) + "&until=" + System.currentTimeMillis(), read, null);
        answer("GET", "/api/grids/{name}/candles", "/api/grids/g/candles?interval=2m", read, null);
        answer("GET", "/api/grids/{name}/fills", "/api/grids/g/fills", read, null);
        answer("GET", "/api/config-choices", "/api/config-choices", read, null);
        answer("GET", "/api/grids/{name}/config", "/api/grids/g/config", read, null);
        answer("GET", "/api/configs", "/api/configs", read, null);
        // issue 19: the form's preview and the venue's symbols
        answer("POST", "/api/config-preview", "/api/config-preview", control, "{\"symbol\":\"BTCUSDT\","
                + "\"exchange\":\"simulated\",\"mode\":\"neutral\",\"lowerPrice\":\"25000\",\"upperPrice\":\"27000\","
                + "\"levels\":\"11\",\"orderQty\":\"0.010\",\"maxPosition\":\"0.050\",\"leverage\":\"5\",\"priceTick\":\"0.1\","
                + "\"qtyStep\":\"0.001\",\"minQty\":\"0.001\",\"minNotional\":\"5\","
                + "\"price\":\"26000\"}");
        answer("POST", "/api/config-preview", "/api/config-preview", control, "{\"levels\":\"many\"}");
        answer("GET", "/api/venues/{exchange}/symbols", "/api/venues/simulated/symbols", read, null);
        answer("GET", "/api/venues/{exchange}/symbols", "/api/venues/kraken/symbols", read, null);
        answer("GET", "/api/venues/{exchange}/symbols/{symbol}", "/api/venues/simulated/symbols/BTCUSDT", read, null);
        answer("GET", "/api/venues/{exchange}/symbols/{symbol}", "/api/venues/simulated/symbols/DOGEUSDT", read, null);
        answer("GET", "/api/venues/{exchange}/symbols/{symbol}/price", "/api/venues/simulated/symbols/BTCUSDT/price",
                read, null);
        answer("GET", "/api/venues/{exchange}/symbols/{symbol}/price", "/api/venues/simulated/symbols/DOGEUSDT/price",
                read, null);
        answer("GET", "/api/venues/{exchange}/symbols/{symbol}/price", "/api/venues/kraken/symbols/BTCUSDT/price",
                read, null);
        answer("GET", "/api/grids/{name}/logs", "/api/grids/g/logs?since=0&until=" + Long.MAX_VALUE + "&page=0&size=5",
                read, null);
        answer("GET", "/api/grids/{name}/statistics", "/api/grids/g/statistics?period=all&capital=10000&until="
                + System.currentTimeMillis(), read, null);
        answer("GET", "/api/grids/{name}/logs", "/api/grids/g/logs?size=5000", read, null);

        answer("GET", "/api/grids/{name}", "/api/grids/nothing", read, null);
        answer("GET", "/api/grids/{name}/statistics", "/api/grids/g/statistics?period=WEEK", read, null);
        answer("GET", "/api/grids/{name}/logs", "/api/grids/g/logs?types=NOISE", read, null);
        answer("GET", "/api/grids", "/api/grids", null, null);
        answer("GET", "/api/grids", "/api/grids", TokenMint.mint(), null);
        answer("POST", "/api/grids/{name}/control", "/api/grids/g/control", read, "{\"action\":\"stop\"}");
        answer("POST", "/api/grids/{name}/control", "/api/grids/g/control", control, "{\"action\":\"explode\"}");
        answer("POST", "/api/grids/{name}/config", "/api/grids/g/config", control, "{\"levels\":\"21\"}");
        answer("POST", "/api/configs", "/api/configs", control, "{\"name\":\"h\",\"levels\":\"many\"}");
        answer("POST", "/api/grids/{name}/control", "/api/grids/g/control", control, "{\"action\":\"pause\"}");
        answer("POST", "/api/grids/{name}/config", "/api/grids/g/config", control, "{\"symbol\":\"BTCUSDT\","
                + "\"exchange\":\"simulated\",\"mode\":\"neutral\",\"lowerPrice\":\"25000\",\"upperPrice\":\"27000\","
                + "\"levels\":\"11\",\"orderQty\":\"0.010\",\"maxPosition\":\"0.050\",\"stopLossBufferPct\":\"5\"}");
        answer("POST", "/api/grids/{name}/control", "/api/grids/g/control", control, "{\"action\":\"resume\"}");
        answer("GET", "/grids/{name}/export/{file}", "/grids/g/export/fills.csv", read, null);
        answer("GET", "/grids/{name}/export/{file}", "/grids/g/export/secrets.csv", read, null);

        assertThat(checked).as("status codes seen").contains("GET /api/grids 200", "GET /api/grids/{name} 404",
                "GET /api/grids 401", "POST /api/grids/{name}/control 403", "POST /api/grids/{name}/control 400",
                "POST /api/configs 422", "GET /api/grids/{name}/statistics 400", "GET /api/configs 200",
                "GET /api/grids/{name}/logs 400", "POST /api/config-preview 200", "POST /api/config-preview 422",
                "GET /api/venues/{exchange}/symbols/{symbol} 200", "GET /api/venues/{exchange}/symbols/{symbol} 404",
                "GET /api/venues/{exchange}/symbols/{symbol}/price 200",
                "GET /api/venues/{exchange}/symbols/{symbol}/price 404",
                "GET /api/grids/{name}/logs 400", "GET /api/grids/{name}/candles 200",
                "GET /api/grids/{name}/candles 400", "GET /api/grids/{name}/fills 200");
    }

    /** Sends the request and checks its answer's status, type and body against the document. */
    private void answer(String method, String template, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(f.uri(path)).timeout(Duration.ofSeconds(15));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String code = String.valueOf(response.statusCode());
        checked.add(method + " " + template + " " + code);
        JsonNode operation = DOCUMENT.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        assertThat(operation.isObject()).as("%s %s documented", method, template).isTrue();
        JsonNode documented = resolve(operation.path("responses").path(code));
        assertThat(documented.isObject()).as("%s %s: status %s documented; body %s", method, template, code,
                response.body()).isTrue();
        String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
        JsonNode media = documented.path("content").path(type);
        assertThat(media.isObject()).as("%s %s %s: %s documented", method, template, code, type).isTrue();
        if (type.equals("application/json")) {
            List<String> errors = validate(media.path("schema"), response.body());
            assertThat(errors).as("%s %s %s: %s", method, path, code, response.body()).isEmpty();
        }
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : DOCUMENT.at(ref.asText().substring(1));
    }

    /**
     * The body against the schema, as JSON Schema 2020-12 (which OpenAPI 3.1's schemas are), with the document's
     * component schemas as the root's {@code $defs} so that its references resolve.
     */
    private static List<String> validate(JsonNode schema, String body) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("$defs", DOCUMENT.path("components").path("schemas"));
        root.set("allOf", JSON.createArrayNode().add(schema));
        String text = JSON.writeValueAsString(root).replace("\"#/components/schemas/", "\"#/$defs/");
        var validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(text, InputFormat.JSON);
        List<String> errors = new ArrayList<>();
        for (Iterator<com.networknt.schema.Error> it = validator.validate(body, InputFormat.JSON).iterator(); it.hasNext(); ) {
            errors.add(it.next().toString());
        }
        return errors;
    }
}
