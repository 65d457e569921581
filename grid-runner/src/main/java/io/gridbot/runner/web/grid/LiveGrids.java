package io.gridbot.runner.web.grid;

import io.gridbot.core.machine.GridView;
import java.util.Optional;

/**
 * The grids running in this process, read live from their engines; grids hosted by a daemon elsewhere are
 * read from the database alone.
 */
@FunctionalInterface
public interface LiveGrids {

    /** The live view of the grid of this name, when this process hosts it. */
    Optional<GridView> view(String name);

    /** The grids among these live views, e.g. {@code GridDaemon::views}. */
    static LiveGrids of(java.util.function.Supplier<java.util.List<GridView>> views) {
        return name -> views.get().stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** No grid is hosted here: the dashboard reads the database only. */
    static LiveGrids none() {
        return name -> Optional.empty();
    }
}
