package io.gridbot.core.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.testing.Core;
import io.gridbot.core.testing.GridInvariants;
import io.gridbot.core.testing.Scenario;
import io.gridbot.core.testing.ScenarioRun;
import io.gridbot.core.testing.Scenarios;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 16 (AC3.4, AC9.4): grids of every mode on a hedge-mode account, over the same random markets, restarts,
 * lost and reordered events, rejections and foreign orders as the one-way scenarios, keep the same invariants
 * (orders on lines, on their leg, the limit per leg, a stopped grid flat) and one more: the venue never refuses
 * or ends a grid's exit for lack of position, since each leg's exits close only what that leg's entries opened.
 */
class HedgeModeProperties {

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Scenarios.hedge(1, 60);
    }

    @Property(tries = 600)
    void hedgeGridsKeepEveryInvariantAndNoExitIsEverRefusedForLackOfPosition(@ForAll("scenarios") Scenario scenario) {
        GridInvariants invariants = new GridInvariants();
        ScenarioRun run = new ScenarioRun(scenario, Core.CURRENT).observe(invariants);
        run.feed().lateRequests(true);
        run.play();

        List<String> refusedExits = run.venue().refusedForLackOfPosition().stream()
                .filter(id -> run.feed().ours(id))
                .filter(id -> ClientOrderId.parse(id).orElseThrow().kind() == ClientOrderId.Kind.EXIT).toList();
        // Known gap, as in one-way mode: an order whose cancel the venue refused stays live untracked (an orphan of
        // a rebuilt ladder), and its fill can take what a later exit of its leg was placed for.
        if (!invariants.aCancelWasRefused()) {
            assertThat(refusedExits).as(() -> "exits refused or ended for lack of position" + GridInvariants.trace(run))
                    .isEmpty();
        }
        if (run.view().status() == GridStatus.STOPPED) {
            assertThat(run.view().legs().isFlat()).as(() -> "a stopped grid holds nothing on either leg"
                    + GridInvariants.trace(run)).isTrue();
            if (!invariants.orphanLeftResting()) {
                assertThat(GridInvariants.closableShare(run)).as(() -> "a stopped grid left nothing it could close"
                        + GridInvariants.trace(run)).isEqualByComparingTo("0");
            }
        } else {
            assertThat(run.view().legs().sameAs(run.feed().ownLegs())).as(() -> "once events settle, each leg the grid "
                    + "holds is the venue's " + run.feed().ownLegs().describe() + GridInvariants.trace(run)).isTrue();
        }
    }
}
