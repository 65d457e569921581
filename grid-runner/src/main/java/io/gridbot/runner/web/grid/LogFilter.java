package io.gridbot.runner.web.grid;

import io.gridbot.core.log.LogType;
import java.util.Set;

/**
 * Which trade-log entries to read, newest first, one page at a time.
 *
 * @param sinceMs  earliest time, inclusive; {@code null} for the dashboard's view, where a keyword search reads
 *                 the newest {@value GridBoard#KEYWORD_SEARCHES} entries only
 * @param untilMs  latest time, inclusive
 * @param types    the types to include; empty for all
 * @param keyword  text the entry must contain, or {@code null}
 * @param page     the page, from 0
 * @param size     entries per page, 1 to {@value #MAX_SIZE}
 */
public record LogFilter(Long sinceMs, long untilMs, Set<LogType> types, String keyword, int page, int size) {

    /** The largest page. */
    public static final int MAX_SIZE = 1_000;

    public LogFilter {
        types = Set.copyOf(types);
        if (size < 1 || size > MAX_SIZE || page < 0) {
            throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE + " and page at least 0");
        }
    }

    /** The dashboard's view: the newest {@value GridBoard#LOG_PAGE} entries of these types with the keyword. */
    public static LogFilter newest(Set<LogType> types, String keyword) {
        return new LogFilter(null, Long.MAX_VALUE, types, keyword, 0, GridBoard.LOG_PAGE);
    }
}
