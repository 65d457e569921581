package io.gridbot.runner.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gridbot.core.config.ConfigViolation;
import io.gridbot.core.config.GridConfig;
import io.gridbot.persistence.config.ConfigColumns;
import io.gridbot.persistence.config.GridDocument;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads grid configurations from YAML: one grid as a mapping, or several under {@code grids:}, each bound to a
 * {@link GridDocument} (whose components are the fields a grid may have) and validated. Every problem is
 * reported with the grid and the field at fault, and a file with any problem yields no grid, so a half-valid
 * file never starts half a fleet.
 */
public final class GridFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION); // a key given twice is a mistake, not the last word

    /**
     * One problem in a file.
     *
     * @param grid   the grid's name, or its position ({@code #2}) when it has none
     * @param field  the field at fault, or {@code null} for the file as a whole
     * @param reason what is wrong
     */
    public record Problem(String grid, String field, String reason) {
        @Override
        public String toString() {
            return (grid == null ? "" : "grid " + grid + ": ") + (field == null ? "" : field + ": ") + reason;
        }
    }

    /** The outcome: the grids when there is no problem, else only the problems. */
    public record Result(List<GridConfig> grids, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private GridFile() {
    }

    /** Parses and validates; never throws for bad content. */
    public static Result read(Reader reader) {
        JsonNode root;
        try {
            root = YAML.readTree(reader);
        } catch (IOException e) {
            return new Result(List.of(), List.of(YamlFailure.of(e)));
        }
        return read(root);
    }

    /**
     * Validates grids already read as a tree (the dashboard's form): one grid as a mapping, or several under
     * {@code grids:}; {@code null} or a missing node is an empty file.
     */
    public static Result read(JsonNode root) {
        List<JsonNode> nodes = new ArrayList<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new Result(List.of(), List.of(new Problem(null, null, "the file is empty")));
        }
        if (root.has("grids")) {
            if (!root.get("grids").isArray()) {
                return new Result(List.of(), List.of(new Problem(null, "grids", "must be a list of grids")));
            }
            root.get("grids").forEach(nodes::add);
        } else {
            nodes.add(root);
        }
        List<GridConfig> grids = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            GridConfig config = parse(nodes.get(i), "#" + (i + 1), problems);
            if (config != null) {
                if (!names.add(config.name())) {
                    problems.add(new Problem(config.name(), "name", "appears twice in the file"));
                }
                grids.add(config);
            }
        }
        return problems.isEmpty() ? new Result(List.copyOf(grids), List.of()) : new Result(List.of(), problems);
    }

    private static GridConfig parse(JsonNode node, String position, List<Problem> problems) {
        if (!(node instanceof ObjectNode object)) {
            problems.add(new Problem(position, null, "must be a mapping of fields"));
            return null;
        }
        DocumentBinding.Bound bound = DocumentBinding.bind(object);
        GridDocument document = bound.document();
        // The grid is named as written, even when its name is refused, so every problem points at it.
        String label = object.hasNonNull("name") ? object.get("name").asText() : position;
        bound.unknown().forEach(key -> problems.add(new Problem(label, key, "is not a grid field")));
        // Unknown keys alone do not stop the checks below: one run lists every problem.
        int before = problems.size();
        bound.problems().forEach(v -> problems.add(new Problem(label, v.field(), v.reason())));
        if (problems.size() > before) {
            return null;
        }
        GridConfig config = document.toConfig();
        List<ConfigViolation> misfits = ConfigColumns.misfits(config); // the texts; decimals were checked as read
        for (ConfigViolation v : misfits.isEmpty() ? config.validate() : misfits) {
            problems.add(new Problem(label, v.field(), v.reason()));
        }
        return problems.size() > before ? null : config;
    }
}
