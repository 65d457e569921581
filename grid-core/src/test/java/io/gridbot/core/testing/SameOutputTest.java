package io.gridbot.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.command.GridCommand.AlertKind;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import io.gridbot.core.machine.GridView;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.risk.PositionLegs;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the differential and determinism tests count as "the same output". */
class SameOutputTest {

    private static GridCommand log(String detail) {
        return new GridCommand.RecordLog(new LogEntry(5, LogType.ERROR, detail, null, null));
    }

    @Test
    void aStackTraceIsComparedOnItsFirstLineWithTheLegacyPackageReadAsTheCurrentOne() {
        GridCommand legacy = log("unexpected error in the grid core: java.lang.IllegalStateException: x\n"
                + "java.lang.IllegalStateException: x\n\tat io.gridbot.core.legacy.machine.GridMachine.on(GridMachine.java:9)\n");
        GridCommand current = log("unexpected error in the grid core: java.lang.IllegalStateException: x\n"
                + "java.lang.IllegalStateException: x\n\tat io.gridbot.core.machine.Sync.run(Sync.java:41)\n");

        assertThat(SameOutput.commandDifference("legacy", List.of(legacy), "current", List.of(current))).isNull();
        assertThat(SameOutput.same(new GridCommand.Alert(AlertKind.UNEXPECTED_ERROR, "io.gridbot.core.legacy.machine.Slot"),
                new GridCommand.Alert(AlertKind.UNEXPECTED_ERROR, "io.gridbot.core.machine.Slot"))).isTrue();
    }

    @Test
    void viewsAreComparedComponentByComponent() {
        GridView one = view(3);
        assertThat(SameOutput.viewDifference("legacy", one, "current", view(3))).isNull();
        assertThat(SameOutput.viewDifference("legacy", one, "current", view(4)))
                .contains("view component openOrders differs").doesNotContain("component status");
    }

    private static GridView view(int openOrders) {
        return new GridView("g", GridStatus.RUNNING, BigDecimal.ONE, BigDecimal.ZERO, null, PositionLegs.FLAT, null,
                List.of(), openOrders, 0, 0, null, true, 0, 0, 0, List.of());
    }

    @Test
    void everythingElseMustBeEqual() {
        assertThat(SameOutput.commandDifference("legacy", List.of(log("first\n\tat a.B(B.java:1)")), "current",
                List.of(log("second\n\tat a.B(B.java:1)")))).contains("differ at index 0");
        assertThat(SameOutput.commandDifference("legacy", List.of(log("a\nb")), "current", List.of(log("a\nc"))))
                .as("a detail without a stack trace is compared whole").isNotNull();
        assertThat(SameOutput.commandDifference("legacy", List.of(log("a")), "current", List.of(log("a"), log("b"))))
                .contains("index 1");
        assertThat(SameOutput.same(new GridCommand.RequestSnapshot("X"), new GridCommand.RequestSnapshot("Y"))).isFalse();
    }
}
