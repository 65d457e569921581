package io.gridbot.runner.web.grid;

import java.util.List;

/**
 * The newest trade-log entries matching the filters.
 *
 * @param entries newest first
 * @param more    whether older matching entries exist beyond this page
 */
public record LogPage(List<Row> entries, boolean more) {

    /**
     * One entry.
     *
     * @param atMs          when it happened
     * @param type          INFO, WARN, ERROR, ORDER or FILL
     * @param detail        what happened
     * @param clientOrderId the order concerned, or {@code null}
     * @param line          the grid line concerned, 0 at the lowest as in the level table, or {@code null}
     */
    public record Row(long atMs, String type, String detail, String clientOrderId, Integer line) {
    }
}
