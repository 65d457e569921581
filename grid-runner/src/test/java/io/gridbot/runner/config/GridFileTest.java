package io.gridbot.runner.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.spacing.Spacing;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class GridFileTest {

    private static final String WORKED_EXAMPLE = """
            name: my_short_grid
            exchange: simulated
            symbol: BTCUSDT
            mode: short
            lowerPrice: 60000
            upperPrice: 65000
            levels: 20
            orderQty: 0.010
            maxPosition: 0.200
            stopLossBufferPct: 0.5
            priceTick: 0.1
            qtyStep: 0.001
            minQty: 0.001
            minNotional: 5
            """;

    @Test
    void aSingleGridIsReadWithExactDecimals() {
        GridFile.Result result = GridFile.read(new StringReader(WORKED_EXAMPLE));

        assertThat(result.problems()).isEmpty();
        GridConfig grid = result.grids().get(0);
        assertThat(grid.mode()).isEqualTo(GridMode.SHORT);
        assertThat(grid.orderQty().toPlainString()).isEqualTo("0.010");
        assertThat(grid.maxPosition().toPlainString()).isEqualTo("0.200");
        assertThat(grid.rules().tickSize().toPlainString()).isEqualTo("0.1");
        assertThat(grid.spacing()).isEqualTo(new Spacing.Arithmetic());
    }

    @Test
    void theProtectiveStopWatchesTheLastPriceUnlessTheFileAsksForTheMarkPrice() {
        assertThat(GridFile.read(new StringReader(WORKED_EXAMPLE)).grids().get(0).protectiveStopTrigger())
                .isEqualTo(StopTrigger.LAST);
        assertThat(GridFile.read(new StringReader(WORKED_EXAMPLE + "protectiveStopTrigger: mark\n")).grids().get(0)
                .protectiveStopTrigger()).isEqualTo(StopTrigger.MARK);
        assertThat(GridFile.read(new StringReader(WORKED_EXAMPLE + "protectiveStopTrigger: index\n")).problems())
                .singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("protectiveStopTrigger"));
    }

    @Test
    void severalGridsAreReadFromAList() {
        String yaml = "grids:\n  - " + WORKED_EXAMPLE.replace("\n", "\n    ").trim() + "\n  - "
                + WORKED_EXAMPLE.replace("my_short_grid", "my_long_grid").replace("mode: short", "mode: long")
                        .replace("\n", "\n    ").trim() + "\n";

        GridFile.Result result = GridFile.read(new StringReader(yaml));

        assertThat(result.problems()).isEmpty();
        assertThat(result.grids()).extracting(GridConfig::name).containsExactly("my_short_grid", "my_long_grid");
    }

    @Test
    void AC1_4_everyProblemNamesItsGridAndField() {
        String yaml = WORKED_EXAMPLE.replace("levels: 20", "levels: 3").replace("orderQty: 0.010", "orderQty: lots")
                .replace("mode: short", "mode: sideways") + "colour: blue\n";

        GridFile.Result result = GridFile.read(new StringReader(yaml));

        assertThat(result.grids()).isEmpty();
        assertThat(result.problems()).extracting(GridFile.Problem::toString).contains(
                "grid my_short_grid: colour: is not a grid field",
                "grid my_short_grid: orderQty: must be a decimal number, was 'lots'",
                "grid my_short_grid: mode: must be one of [short, neutral, long], was 'sideways'");
    }

    @Test
    void ruleViolationsComeFromTheCoresValidation() {
        GridFile.Result result = GridFile.read(new StringReader(WORKED_EXAMPLE.replace("levels: 20", "levels: 3")));

        assertThat(result.problems()).extracting(GridFile.Problem::field).containsExactly("levels");
    }

    @Test
    void missingRequiredFieldsAreListed() {
        GridFile.Result result = GridFile.read(new StringReader("name: x\n"));

        assertThat(result.problems()).extracting(GridFile.Problem::field)
                .contains("exchange", "symbol", "mode", "levels", "orderQty", "priceTick", "qtyStep");
    }

    @Test
    void brokenYamlIsAProblemNotACrash() {
        assertThat(GridFile.read(new StringReader("name: [unclosed")).problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).startsWith("not valid YAML"));
        assertThat(GridFile.read(new StringReader("")).problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("the file is empty"));
    }
    @Test
    void duplicateKeysAreAFieldErrorNamingTheGrid() {
        assertThat(GridFile.read(new StringReader(WORKED_EXAMPLE + "levels: 30\n")).problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).isEqualTo("levels: appears twice; give each field once"));
        String two = "grids:\n  - " + WORKED_EXAMPLE.replace("\n", "\n    ").trim() + "\n  - "
                + (WORKED_EXAMPLE.replace("my_short_grid", "b") + "qtyStep: 0.01\n").replace("\n", "\n    ").trim() + "\n";
        assertThat(GridFile.read(new StringReader(two)).problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).isEqualTo("grid #2: qtyStep: appears twice; give each field once"));
    }

    @Test
    void numbersAreCheckedAgainstTheirColumnsBeforeAnyArithmetic() {
        java.util.Map<String, String> cases = java.util.Map.of(
                "upperPrice: 1.0e+999999999", "upperPrice: is too large: the database keeps at most 20 digits",
                "qtyStep: 0.0000000000000000001", "qtyStep: has 19 decimals: the database keeps 18",
                "maxPosition: 123456789012345678901", "maxPosition: is too large",
                "minNotional: 1e-2147483647", "minNotional: has 2147483647 decimals",
                "lowerPrice: 1e+9999999999", "lowerPrice: must be a decimal number the database can keep",
                "orderQty: '1e+9999999999'", "orderQty: is beyond any number the database can keep",
                "priceTick: '" + "1".repeat(5_000) + "'", "priceTick: must be a decimal number, was '111");
        cases.forEach((line, expected) -> {
            String field = line.substring(0, line.indexOf(':'));
            String yaml = WORKED_EXAMPLE.lines().map(l -> l.startsWith(field + ":") ? line : l)
                    .collect(java.util.stream.Collectors.joining("\n"));
            GridFile.Result result = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(5), () -> GridFile.read(new StringReader(yaml)), line);
            assertThat(result.problems()).as(line).extracting(GridFile.Problem::toString)
                    .anySatisfy(p -> assertThat(p).contains(expected));
        });
    }

    @Test
    void decimalsWithinTheColumnsKeepTheScaleAsWritten() {
        GridFile.Result result = GridFile.read(new StringReader(WORKED_EXAMPLE.replace("upperPrice: 65000",
                "upperPrice: 6.5e4").replace("orderQty: 0.010", "orderQty: 0.0100000000000000000000")));

        assertThat(result.problems()).isEmpty();
        assertThat(result.grids().get(0).upperPrice().toPlainString()).isEqualTo("65000");
        assertThat(result.grids().get(0).orderQty().toPlainString()).isEqualTo("0.01");
    }
}
