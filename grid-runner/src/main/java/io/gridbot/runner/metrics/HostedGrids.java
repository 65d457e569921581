package io.gridbot.runner.metrics;

import java.util.List;

/** The grids a daemon hosts now, read for its health and metrics; thread-safe, and quick (no database). */
@FunctionalInterface
public interface HostedGrids {

    /** One state per grid hosted now. */
    List<HostedGridState> now();
}
