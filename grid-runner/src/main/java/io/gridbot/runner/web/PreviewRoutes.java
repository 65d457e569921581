package io.gridbot.runner.web;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.persistence.Database;
import io.gridbot.runner.preview.CurrentPrice;
import io.gridbot.runner.preview.Previews;
import io.gridbot.runner.venue.VenueListings;
import io.gridbot.runner.web.config.ConfigForm;
import io.gridbot.runner.web.config.SubmittedFields;
import io.gridbot.runner.web.http.HttpCall;
import io.gridbot.runner.web.http.Route;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * What the configuration form asks as the user types: the preview of the fields so far (the same report
 * {@code grid config validate} prints), and what a venue lists, so the symbol can be chosen, its rules filled and
 * the preview priced at the symbol's current price (a running grid's on that venue and symbol, else the venue's).
 * A venue that cannot be asked says so in a note; the form then takes the symbol, rules and price as typed.
 */
final class PreviewRoutes {

    /** The form's own inputs that are no configuration field. */
    static final String LEVERAGE = "leverage";
    static final String PRICE = "price";

    private final VenueListings venues;
    private final Database db;
    private final LongSupplier clock;

    PreviewRoutes(VenueListings venues, Database db, LongSupplier clock) {
        this.venues = venues;
        this.db = db;
        this.clock = clock;
    }

    List<Route> routes() {
        return List.of(
                Route.post("/api/config-preview", this::preview),
                Route.get("/api/venues/{exchange}/symbols", this::symbols),
                Route.get("/api/venues/{exchange}/symbols/{symbol}", this::rules),
                Route.get("/api/venues/{exchange}/symbols/{symbol}/price", this::price));
    }

    /** 200 with the preview; 422 with each field's problem, the form's own leverage and price included. */
    private void preview(HttpCall call) throws Exception {
        SubmittedFields body = call.json(SubmittedFields.class);
        Map<String, String> fields = new LinkedHashMap<>(body == null ? Map.of() : body.fields());
        if (body != null && !body.repeated().isEmpty()) {
            Map<String, String> twice = new LinkedHashMap<>();
            body.repeated().forEach(f -> twice.put(f, "appears twice; give each field once"));
            call.json(422, Map.of("problems", twice));
            return;
        }
        Map<String, String> problems = new LinkedHashMap<>();
        BigDecimal leverage = decimal(fields.remove(LEVERAGE), LEVERAGE, problems);
        BigDecimal price = decimal(fields.remove(PRICE), PRICE, problems);
        if (fields.getOrDefault("name", "").isBlank()) {
            fields.put("name", "preview"); // a name is needed to store a grid, never to preview one
        }
        ConfigForm.Outcome outcome = ConfigForm.read(fields);
        problems.putAll(outcome.problems());
        if (!problems.isEmpty()) {
            call.json(422, Map.of("problems", problems));
            return;
        }
        Previews.Outcome preview = Previews.of(outcome.config(), leverage, price, venues);
        if (preview.report() == null) {
            call.json(422, Map.of("problems", preview.problems()));
            return;
        }
        call.json(200, Map.of("preview", preview.report()));
    }

    private static BigDecimal decimal(String raw, String field, Map<String, String> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(raw.trim());
            if (value.precision() - value.scale() > 20 || value.scale() > 20) {
                problems.put(field, "is out of range: " + raw.trim());
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.put(field, "must be a decimal number, was '" + raw.trim() + "'");
            return null;
        }
    }

    private void symbols(HttpCall call) throws Exception {
        String exchange = call.path("exchange");
        if (unknownVenue(call, exchange)) {
            return;
        }
        List<String> symbols = venues.symbols(exchange);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbols", symbols);
        if (symbols.isEmpty()) {
            body.put("note", exchange + " does not list its symbols here: type the symbol and its rules");
        }
        call.json(200, body);
    }

    private void rules(HttpCall call) throws Exception {
        switch (venues.lookup(call.path("exchange"), call.path("symbol"))) {
            case VenueListings.Listing.Listed l -> call.json(200, Map.of("rules", rules(l.rules())));
            case VenueListings.Listing.Unchecked u -> call.json(200, Map.of("note", u.reason()
                    + "; type the symbol's rules"));
            case VenueListings.Listing.NotListed n -> call.json(404, Map.of("error", n.reason()));
            case VenueListings.Listing.UnknownVenue v -> call.json(404, Map.of("error", v.reason()));
        }
    }

    private void price(HttpCall call) throws Exception {
        String exchange = call.path("exchange");
        if (unknownVenue(call, exchange)) {
            return;
        }
        String symbol = call.path("symbol");
        Optional<BigDecimal> price = CurrentPrice.of(Optional.of(db), venues, exchange, symbol, clock.getAsLong());
        if (price.isPresent()) {
            call.json(200, Map.of("price", price.get().stripTrailingZeros().toPlainString()));
        } else {
            call.json(200, Map.of("note", exchange + " gives no current price of " + symbol + " here: type the price"));
        }
    }

    /** Whether the runner trades on no such venue, which is then answered 404. */
    private boolean unknownVenue(HttpCall call, String exchange) throws Exception {
        if (venues.codes().contains(exchange)) {
            return false;
        }
        call.json(404, Map.of("error", "unknown venue '" + exchange + "'"));
        return true;
    }

    /** The rules as the form's fields name them. */
    private static Map<String, String> rules(SymbolRules r) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("symbol", r.symbol());
        fields.put("priceTick", r.tickSize().stripTrailingZeros().toPlainString());
        fields.put("qtyStep", r.stepSize().stripTrailingZeros().toPlainString());
        fields.put("minQty", r.minQty().stripTrailingZeros().toPlainString());
        fields.put("minNotional", r.minNotional().stripTrailingZeros().toPlainString());
        fields.put("maxOpenOrders", Integer.toString(r.maxOpenOrders()));
        return fields;
    }
}
