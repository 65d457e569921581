package io.gridbot.runner.config;

import io.gridbot.core.config.GridConfig;
import io.gridbot.persistence.config.ConfigGuardException;
import io.gridbot.persistence.config.GridConfigRepository;
import io.gridbot.persistence.config.StoredGrid;
import io.gridbot.runner.venue.VenueListings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a valid file must also pass before any of it is stored, the same for {@code grid config} and the
 * dashboard: its venue's rules ({@link VenueCheck}) and the rule of one live grid per symbol and venue account.
 */
public final class GridAdmission {

    /**
     * The outcome for a set of grids.
     *
     * @param problems what refuses them; none may be stored unless it is empty
     * @param warnings what could not be checked
     */
    public record Verdict(List<GridFile.Problem> problems, List<String> warnings) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final VenueCheck venues;
    private final Optional<GridConfigRepository> stored;

    /**
     * @param venues what the venues list
     * @param stored the stored grids, or empty where there is no database yet (so no grid holds anything)
     */
    public GridAdmission(VenueListings venues, Optional<GridConfigRepository> stored) {
        this.venues = new VenueCheck(venues);
        this.stored = stored;
    }

    /** Checks every grid; problems name the grid and the field. */
    public Verdict check(List<GridConfig> grids) {
        List<GridFile.Problem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (GridConfig grid : grids) {
            venues.check(grid, problems, warnings);
            stored.ifPresent(configs -> {
                Long self = configs.find(grid.name()).map(StoredGrid::id).orElse(null);
                configs.holderAgainst(grid, self).ifPresent(holder -> problems.add(
                        new GridFile.Problem(grid.name(), "symbol",
                                ConfigGuardException.symbolHeld(holder, grid.exchange(), grid.symbol()).getMessage())));
            });
        }
        return new Verdict(List.copyOf(problems), List.copyOf(warnings));
    }
}
