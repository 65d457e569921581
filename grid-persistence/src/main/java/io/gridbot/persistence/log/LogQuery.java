package io.gridbot.persistence.log;

import io.gridbot.core.log.LogType;
import java.util.Set;

/**
 * A trade-log query: a time range, types and a keyword, one page at a time, newest first.
 *
 * @param configId the grid
 * @param fromMs   earliest time, inclusive
 * @param toMs     latest time, inclusive
 * @param types    the types to include; empty for all
 * @param keyword  text the detail must contain, or {@code null}
 * @param page     the page, from 0
 * @param pageSize entries per page, 1 to 1,000
 */
public record LogQuery(long configId, long fromMs, long toMs, Set<LogType> types, String keyword, int page, int pageSize) {

    public LogQuery {
        types = Set.copyOf(types);
        if (pageSize < 1 || pageSize > 1_000) {
            throw new IllegalArgumentException("pageSize must be 1 to 1000");
        }
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative");
        }
    }
}
