package io.gridbot.runner.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridbot.runner.config.GridAdmission;
import io.gridbot.core.config.InvalidConfigException;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.config.ConfigGuardException;
import io.gridbot.persistence.config.StoredGrid;
import io.gridbot.runner.store.ControlRequests;
import io.gridbot.runner.venue.VenueListings;
import io.gridbot.runner.web.config.ConfigForm;
import io.gridbot.runner.web.grid.ConfigDocument;
import io.gridbot.runner.web.grid.ControlOutcome;
import io.gridbot.runner.web.config.SubmittedFields;
import io.gridbot.runner.web.http.HttpCall;
import io.gridbot.runner.web.http.Route;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What changes a grid: creating and editing its configuration, validated field by field with the rules of
 * {@code grid config} and refused while it runs (pause first), and the start, pause, resume and stop
 * buttons, sent to the grid's daemon through the database as {@code grid pause} does.
 */
final class ConfigRoutes {

    /** How long a button waits for the daemon's acknowledgement. */
    static final long CONTROL_WAIT_MS = 5_000;
    /** The longest wait a request may ask for. */
    static final long MAX_WAIT_MS = 300_000;
    private static final Logger LOG = LoggerFactory.getLogger(ConfigRoutes.class);

    private final Database db;
    private final LongSupplier clock;
    private final VenueListings venues;

    ConfigRoutes(Database db, LongSupplier clock, VenueListings venues) {
        this.db = db;
        this.clock = clock;
        this.venues = venues;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/config-choices", call -> call.json(200, ConfigForm.choices(venues.codes()))),
                Route.get("/api/grids/{name}/config", this::show),
                Route.post("/api/configs", call -> save(call, null)),
                Route.post("/api/grids/{name}/config", call -> save(call, call.path("name"))),
                Route.post("/api/grids/{name}/control", this::control));
    }

    private void show(HttpCall call) throws Exception {
        Optional<StoredGrid> grid = db.configs().find(call.path("name"));
        if (grid.isEmpty()) {
            call.json(404, Map.of("error", "no grid named '" + call.path("name") + "'"));
            return;
        }
        call.json(200, ConfigDocument.of(grid.get().config(), db.runtime().status(grid.get().id())));
    }

    /**
     * Creates ({@code existing} null) or replaces a grid; 422 with each field's problem when invalid, when its
     * venue's rules disagree or when another live grid holds its symbol.
     */
    private void save(HttpCall call, String existing) throws Exception {
        SubmittedFields body = call.json(SubmittedFields.class);
        Map<String, String> fields = new LinkedHashMap<>(body == null ? Map.of() : body.fields());
        if (body != null && !body.repeated().isEmpty()) {
            Map<String, String> twice = new LinkedHashMap<>();
            body.repeated().forEach(f -> twice.put(f, "appears twice; give each field once"));
            call.json(422, Map.of("problems", twice));
            return;
        }
        if (existing != null) {
            if (db.configs().find(existing).isEmpty()) {
                call.json(404, Map.of("error", "no grid named '" + existing + "'"));
                return;
            }
            fields.put("name", existing); // a grid is renamed by creating another, never by editing
        } else if (db.configs().find(fields.getOrDefault("name", "").trim()).isPresent()) {
            call.json(422, Map.of("problems", Map.of("name", "a grid of this name exists; edit it instead")));
            return;
        }
        ConfigForm.Outcome outcome = ConfigForm.read(fields);
        if (!outcome.ok()) {
            call.json(422, Map.of("problems", outcome.problems()));
            return;
        }
        GridAdmission.Verdict verdict = new GridAdmission(venues, Optional.of(db.configs()))
                .check(List.of(outcome.config()));
        if (!verdict.ok()) {
            call.json(422, Map.of("problems", ConfigForm.problems(verdict.problems()), "warnings", verdict.warnings()));
            return;
        }
        try {
            if (existing == null) {
                db.configs().create(outcome.config(), clock.getAsLong());
            } else {
                db.configs().update(outcome.config(), clock.getAsLong());
            }
        } catch (ConfigGuardException | InvalidConfigException e) {
            call.json(409, Map.of("problems", Map.of(ConfigForm.WHOLE_FORM, e.getMessage())));
            return;
        }
        LOG.info("{} {} grid {}", call.caller().by(), existing == null ? "created" : "edited",
                outcome.config().name());
        call.json(200, Map.of("saved", outcome.config().name(), "warnings", verdict.warnings()));
    }

    private void control(HttpCall call) throws Exception {
        Optional<StoredGrid> grid = db.configs().find(call.path("name"));
        if (grid.isEmpty()) {
            call.json(404, Map.of("error", "no grid named '" + call.path("name") + "'"));
            return;
        }
        JsonNode body = call.json(JsonNode.class);
        Control action;
        try {
            action = Control.valueOf(body.path("action").asText("").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            call.json(400, Map.of("error", "action must be start, pause, resume or stop"));
            return;
        }
        long waitMs = wait(body, "waitMs", CONTROL_WAIT_MS);
        long runWaitMs = wait(body, "runWaitMs", CONTROL_WAIT_MS);
        if (waitMs <= 0 || runWaitMs <= 0) {
            call.json(400, Map.of("error", "waitMs and runWaitMs must be whole milliseconds, 1 to " + MAX_WAIT_MS));
            return;
        }
        ControlOutcome outcome = ControlOutcome.of(ControlRequests.send(db, grid.get().id(), action,
                call.caller().by(), waitMs, action == Control.START ? runWaitMs : waitMs,
                System::currentTimeMillis));
        call.json(switch (outcome.result()) {
            case ControlOutcome.REFUSED -> 409;
            case ControlOutcome.UNANSWERED -> 503;
            case ControlOutcome.UNSETTLED -> 202;
            default -> 200;
        }, outcome);
    }

    /** A wait the request asks for, the default when it names none; 0 when it is no whole number in range. */
    private static long wait(JsonNode body, String field, long otherwise) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return otherwise;
        }
        return value.canConvertToLong() && value.isIntegralNumber() && value.asLong() <= MAX_WAIT_MS ? value.asLong() : 0;
    }
}
