package io.gridbot.runner.soak;

import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.log.LogQuery;
import io.gridbot.persistence.log.TradeLogRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A grid's log entries behind an invariant break, for the failure message: CI keeps the test's output but not the
 * database. The entries of the orders the break names and of their lines (fills, orders, reconciliation notes),
 * the newest {@value #MAX_ENTRIES}, oldest first.
 */
final class SoakLogExcerpt {

    static final int MAX_ENTRIES = 40;
    private static final Pattern ORDER = Pattern.compile("gb_[a-z0-9]+_[A-Z]{2}_(\\d+)_[a-z0-9]+");
    private static final int MAX_PAGES = 100;

    private SoakLogExcerpt() {
    }

    static String of(Database db, long configId, String breach) {
        Set<String> orders = new HashSet<>();
        Set<Integer> lines = new HashSet<>();
        Matcher m = ORDER.matcher(breach);
        while (m.find()) {
            orders.add(m.group());
            lines.add(Integer.parseInt(m.group(1)));
        }
        List<LogEntry> found = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            TradeLogRepository.Page p = db.tradeLog().query(new LogQuery(configId, 0, Long.MAX_VALUE,
                    EnumSet.allOf(LogType.class), null, page, 1_000));
            p.entries().stream().filter(e -> orders.contains(e.clientOrderId()) || lines.contains(e.line())
                    || lines.stream().anyMatch(n -> e.detail().contains("line " + n + ":")
                            || e.detail().contains("line " + n + " "))).forEach(found::add);
            if (!p.more()) {
                break;
            }
        }
        List<LogEntry> oldestFirst = found.stream().sorted(Comparator.comparingLong(LogEntry::atMs)).toList();
        StringBuilder out = new StringBuilder();
        oldestFirst.subList(Math.max(0, oldestFirst.size() - MAX_ENTRIES), oldestFirst.size()).forEach(e ->
                out.append("\n        ").append(e.atMs()).append(' ').append(e.type()).append(' ')
                        .append(e.clientOrderId() == null ? "-" : e.clientOrderId()).append(' ').append(e.detail()));
        return out.toString();
    }
}
