package io.gridbot.core.testing;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.level.Level;
import io.gridbot.core.machine.GridMachine;
import io.gridbot.core.machine.GridView;
import io.gridbot.core.spacing.GridLadder;
import java.util.List;

/**
 * A decision core as a scenario drives it: events in, commands out, a view. Lets one scenario runner
 * drive today's {@link GridMachine}, a frozen copy of an older one, or both in lockstep.
 */
public interface Core {

    List<GridCommand> on(GridEvent event);

    GridView view();

    /** Makes cores the two ways the runner does: new, or restored after a restart. */
    interface Factory {

        Core create(GridConfig config);

        /** @param ladder the persisted ladder, or {@code null}; @param levels the persisted levels */
        Core restore(GridConfig config, GridLadder ladder, List<Level> levels);
    }

    /** The current {@link GridMachine}: the only place the scenarios name it. */
    Factory CURRENT = new Factory() {
        @Override
        public Core create(GridConfig config) {
            return of(GridMachine.create(config));
        }

        @Override
        public Core restore(GridConfig config, GridLadder ladder, List<Level> levels) {
            return of(GridMachine.restore(config, ladder, levels));
        }

        private Core of(GridMachine machine) {
            return new Core() {
                @Override
                public List<GridCommand> on(GridEvent event) {
                    return machine.on(event);
                }

                @Override
                public GridView view() {
                    return machine.view();
                }
            };
        }
    };
}
