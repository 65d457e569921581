package io.gridbot.core.testing;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.machine.GridView;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares what two cores said for one event: command lists and views, with {@code equals} wherever that
 * is meaningful. Every command and view component is a record of values, so {@code equals} is used
 * throughout, with one exception: an event-log detail that carries a Java stack trace (the core's
 * internal-failure path, {@code "unexpected error in the grid core: "}) is compared on its canonical
 * form, the first line only, and in every text the package prefix {@code io.gridbot.core.legacy.} reads
 * as {@code io.gridbot.core.}. Stack traces name classes, line numbers and the caller's frames, which
 * differ between a copy and the original, or between a run and its replay, without any difference in
 * behaviour.
 */
public final class SameOutput {

    private static final String LEGACY = "io.gridbot.core.legacy.";

    private SameOutput() {
    }

    /** Null when the lists are the same; otherwise a description of the first difference and both lists. */
    public static String commandDifference(String leftName, List<GridCommand> left, String rightName,
            List<GridCommand> right) {
        int n = Math.max(left.size(), right.size());
        for (int i = 0; i < n; i++) {
            Object a = i < left.size() ? left.get(i) : null;
            Object b = i < right.size() ? right.get(i) : null;
            if (!same(a, b)) {
                return "commands differ at index " + i + ":\n  " + leftName + ": " + a + "\n  " + rightName + ": " + b
                        + "\n" + listing(leftName, left) + listing(rightName, right);
            }
        }
        return null;
    }

    /** Null when the views are the same; otherwise the components that differ. */
    public static String viewDifference(String leftName, GridView left, String rightName, GridView right) {
        if (left.equals(right)) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (RecordComponent c : GridView.class.getRecordComponents()) {
            Object x = value(c, left);
            Object y = value(c, right);
            if (!same(x, y)) {
                b.append("view component ").append(c.getName()).append(" differs:\n  ").append(leftName).append(": ")
                        .append(x).append("\n  ").append(rightName).append(": ").append(y).append('\n');
            }
        }
        return b.isEmpty() ? null : b.toString();
    }

    private static Object value(RecordComponent c, GridView view) {
        try {
            return c.getAccessor().invoke(view);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Equal, or equal in canonical form where the canonical form is what the comparison promises. */
    public static boolean same(Object a, Object b) {
        if (java.util.Objects.equals(a, b)) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        String x = canonical(a);
        String y = canonical(b);
        return (!x.equals(a.toString()) || !y.equals(b.toString())) && x.equals(y);
    }

    /** The canonical text of a command, a log entry, or a list of them. */
    public static String canonical(Object value) {
        return switch (value) {
            case GridCommand.RecordLog r -> "RecordLog[" + canonical(r.entry()) + "]";
            case LogEntry e -> new LogEntry(e.atMs(), e.type(), canonicalDetail(e.detail()), e.clientOrderId(),
                    e.line()).toString().replace(LEGACY, "io.gridbot.core.");
            case List<?> list -> {
                List<String> items = new ArrayList<>(list.size());
                list.forEach(item -> items.add(item == null ? "null" : canonical(item)));
                yield items.toString();
            }
            default -> value.toString().replace(LEGACY, "io.gridbot.core.");
        };
    }

    private static String canonicalDetail(String detail) {
        if (detail == null || !detail.contains("\n\tat ")) {
            return detail;
        }
        return detail.substring(0, detail.indexOf('\n')) + " [stack trace]";
    }

    private static String listing(String name, List<GridCommand> commands) {
        StringBuilder b = new StringBuilder("  all ").append(commands.size()).append(" of ").append(name).append(":\n");
        commands.forEach(c -> b.append("    ").append(c).append('\n'));
        return b.toString();
    }
}
