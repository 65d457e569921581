package io.gridbot.runner.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.exchange.venue.VenueCatalog;
import io.gridbot.exchange.venue.VenueSettings;
import io.gridbot.runner.venue.VenueListings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 over HTTP: the form's preview endpoint and the venue's symbols and current price, with the rules of the
 * other POSTs.
 */
class ConfigPreviewHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf\" content=\"([^\"]+)\"");
    private static final String FIELDS = "\"exchange\":\"simulated\",\"symbol\":\"BTCUSDT\",\"mode\":\"long\","
            + "\"lowerPrice\":\"25000\",\"upperPrice\":\"27000\",\"levels\":\"5\",\"orderQty\":\"0.010\","
            + "\"maxPosition\":\"0.020\",\"stopLossBufferPct\":\"2\",\"priceTick\":\"0.1\",\"qtyStep\":\"0.001\","
            + "\"minQty\":\"0.001\",\"minNotional\":\"5\"";

    @TempDir
    Path dir;

    private DashboardFixture f;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private record Browser(String cookie, String csrf) {
    }

    @BeforeEach
    void start() throws Exception {
        // Binance pointed at a port nothing listens on: a real venue that cannot be asked, without leaving the machine
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        f = new DashboardFixture(dir, VenueListings.found(VenueCatalog.discover(),
                VenueSettings.of(Map.of("GRIDBOT_BINANCE_REST_URL", "http://127.0.0.1:" + closed))));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(f.uri(path)).timeout(Duration.ofSeconds(10)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Browser browser, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(f.uri(path)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (browser.cookie() != null) {
            b.header("Cookie", browser.cookie());
        }
        if (browser.csrf() != null) {
            b.header("X-CSRF-Token", browser.csrf());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookieOf(HttpResponse<?> response) {
        return response.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElse(null);
    }

    private static String find(Pattern p, String html) {
        Matcher m = p.matcher(html);
        assertThat(m.find()).as("token in page").isTrue();
        return m.group(1);
    }

    private Browser login() throws Exception {
        HttpResponse<String> form = get("/login", null);
        String body = "csrf=" + URLEncoder.encode(find(CSRF_FIELD, form.body()), StandardCharsets.UTF_8) + "&username="
                + URLEncoder.encode(DashboardFixture.USER, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(DashboardFixture.PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(f.uri("/login")).header("Cookie", cookieOf(form))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = cookieOf(done);
        return new Browser(cookie, find(CSRF_META, get("/", cookie).body()));
    }

    @Test
    void thePreviewOfValidFieldsGivesLinesProfitWorstCaseAndDistancesAsDecimalStrings() throws Exception {
        Browser b = login();
        HttpResponse<String> r = post("/api/config-preview", b, "{" + FIELDS + ",\"leverage\":\"10\",\"price\":\"26000\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode p = JSON.readTree(r.body()).path("preview");
        assertThat(p.path("lines").toString()).isEqualTo("[\"25000.0\",\"25500.0\",\"26000.0\",\"26500.0\",\"27000.0\"]");
        assertThat(p.path("stepKind").asText()).isEqualTo("price");
        JsonNode w = p.path("worstCases").get(0);
        // two buys of 0.010 below the top line fit the cap of 0.020: at 26,500 and 26,000
        assertThat(w.path("direction").asText()).isEqualTo("long");
        assertThat(w.path("quantity").asText()).isEqualTo("0.020");
        assertThat(w.path("averageEntry").asText()).isEqualTo("26250.0");
        assertThat(w.path("notional").asText()).isEqualTo("525.0000");
        assertThat(w.path("initialMargin").asText()).isEqualTo("52.5000");
        // (525 - 52.5 - 0) / (0.020 × 0.996) = 23719.88 (to the tick)
        assertThat(w.path("liquidation").asText()).isEqualTo("23719.9");
        assertThat(p.path("distances").get(1).path("amount").asText()).isEqualTo("-1000.0");
    }

    @Test
    void aBadFieldIsAFieldErrorAndNeverAStackTrace() throws Exception {
        Browser b = login();
        HttpResponse<String> r = post("/api/config-preview", b, "{" + FIELDS.replace("\"levels\":\"5\"",
                "\"levels\":\"many\"") + ",\"leverage\":\"lots\",\"price\":\"-3\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode problems = JSON.readTree(r.body()).path("problems");
        assertThat(problems.path("levels").asText()).isNotBlank();
        assertThat(problems.path("leverage").asText()).contains("decimal");
        assertThat(r.body()).doesNotContain("Exception", "\\tat ");
        HttpResponse<String> negative = post("/api/config-preview", b, "{" + FIELDS + ",\"price\":\"-3\"}");
        assertThat(negative.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(negative.body()).path("problems").path("price").asText()).contains("above zero");
    }

    @Test
    void thePreviewNeedsTheSessionsCsrfTokenLikeEveryOtherPost() throws Exception {
        Browser b = login();
        assertThat(post("/api/config-preview", new Browser(b.cookie(), null), "{" + FIELDS + "}").statusCode())
                .isEqualTo(403);
        assertThat(post("/api/config-preview", new Browser(null, null), "{" + FIELDS + "}").statusCode())
                .isEqualTo(401);
    }

    @Test
    void theVenueListsItsSymbolsAndASymbolsRulesAreNamedAsTheFormsFields() throws Exception {
        Browser b = login();
        JsonNode symbols = JSON.readTree(get("/api/venues/simulated/symbols", b.cookie()).body());
        assertThat(symbols.path("symbols").toString()).isEqualTo("[\"BTCUSDT\"]");
        JsonNode rules = JSON.readTree(get("/api/venues/simulated/symbols/BTCUSDT", b.cookie()).body()).path("rules");
        assertThat(rules.path("priceTick").asText()).isEqualTo("0.1");
        assertThat(rules.path("qtyStep").asText()).isEqualTo("0.001");
        assertThat(get("/api/venues/simulated/symbols/DOGEUSDT", b.cookie()).statusCode()).isEqualTo(404);
        assertThat(get("/api/venues/kraken/symbols", b.cookie()).statusCode()).isEqualTo(404);
        // a venue that cannot be asked: an empty list and a note, so the form takes typed text
        JsonNode binance = JSON.readTree(get("/api/venues/binance/symbols", b.cookie()).body());
        assertThat(binance.path("symbols").size()).isZero();
        assertThat(binance.path("note").asText()).contains("type the symbol");
    }

    @Test
    void theVenueGivesASymbolsCurrentPriceOrANoteToTypeIt() throws Exception {
        Browser b = login();
        HttpResponse<String> btc = get("/api/venues/simulated/symbols/BTCUSDT/price", b.cookie());
        assertThat(btc.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(btc.body()).path("price").isTextual()).as("a plain string").isTrue();
        assertThat(JSON.readTree(btc.body()).path("price").asText()).isEqualTo("26076.01");

        HttpResponse<String> doge = get("/api/venues/simulated/symbols/DOGEUSDT/price", b.cookie());
        assertThat(doge.statusCode()).as("unknown symbol: typed instead").isEqualTo(200);
        assertThat(JSON.readTree(doge.body()).path("note").asText()).contains("type the price");
        JsonNode unreachable = JSON.readTree(get("/api/venues/binance/symbols/BTCUSDT/price", b.cookie()).body());
        assertThat(unreachable.has("price")).isFalse();
        assertThat(unreachable.path("note").asText()).contains("type the price");

        assertThat(get("/api/venues/kraken/symbols/BTCUSDT/price", b.cookie()).statusCode()).isEqualTo(404);
        assertThat(get("/api/venues/simulated/symbols/BTCUSDT/price", null).statusCode()).as("signed in only")
                .isEqualTo(401);
    }

    @Test
    void aRunningGridsRecordedPriceIsTheCurrentOneOnItsVenueAndSymbol() throws Exception {
        Browser b = login();
        f.startGrid(); // the daemon's simulated market trades at 26,050; the venue alone knows only its opening
        DashboardFixture.await("the running grid's price offered", () -> {
            try {
                return "26050".equals(JSON.readTree(get("/api/venues/simulated/symbols/BTCUSDT/price", b.cookie())
                        .body()).path("price").asText());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
