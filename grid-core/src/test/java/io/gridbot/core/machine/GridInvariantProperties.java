package io.gridbot.core.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.Side;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.testing.GridInvariants;
import io.gridbot.core.testing.PaperVenue;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The core's invariants (issue 2) over random grids, price paths, partial fills, duplicated and reordered
 * events, rejections, lost acknowledgements and stream drops, checked against a venue that enforces real
 * rules: the worst-case position never exceeds the limit (FR-9); no two live orders share an identity or
 * client id (AC7.4); every exit is reduce-only and on the right side (AC2.6, AC4.6); every price is a grid
 * line on the tick and every quantity on the step (AC5.5); the sync is idempotent (AC7.5); after a
 * stop-loss the grid holds no orders and is flat (FR-8).
 */
class GridInvariantProperties {

    /** One generated run. */
    record Scenario(GridMode mode, int levels, int spacingTicks, int qtySteps, int maxOrders, long seed,
            boolean perturb, boolean faults) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(
                Arbitraries.of(GridMode.class),
                Arbitraries.integers().between(5, 40),
                Arbitraries.integers().between(3, 60),
                Arbitraries.integers().between(1, 25),
                Arbitraries.integers().between(1, 20),
                Arbitraries.longs(),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as(Scenario::new);
    }

    @Property(tries = 1000)
    void invariantsHoldWhateverTheMarketAndTheVenueDo(@ForAll("scenarios") Scenario s) {
        new Run(s).play(120);
    }

    /** Plays a scenario and checks the invariants after every settled step. */
    private static final class Run {
        final Scenario s;
        final Random random;
        final GridConfig config;
        final SymbolRules rules;
        final PaperVenue venue;
        final GridMachine machine;
        final Deque<GridEvent> inbox = new ArrayDeque<>();
        final BigDecimal tick = new BigDecimal("0.1");
        final BigDecimal lower = new BigDecimal("1000.0");
        long now = 1_000_000;
        long priceTicks;
        boolean stopped;

        Run(Scenario s) {
            this.s = s;
            this.random = new Random(s.seed());
            this.rules = new SymbolRules("PROPUSDT", tick, new BigDecimal("0.001"), new BigDecimal("0.001"),
                    BigDecimal.ZERO, 200);
            BigDecimal qty = new BigDecimal("0.001").multiply(BigDecimal.valueOf(s.qtySteps()));
            BigDecimal upper = lower.add(tick.multiply(BigDecimal.valueOf((long) s.spacingTicks() * (s.levels() - 1))));
            this.config = GridConfig.builder("prop", rules).mode(s.mode()).band(lower, upper).levels(s.levels())
                    .orderQty(qty).maxPosition(qty.multiply(BigDecimal.valueOf(s.maxOrders())))
                    .stopLossBufferPct(new BigDecimal("1")).makerFeeRate(BigDecimal.ZERO).build();
            this.machine = GridMachine.create(config);
            long centre = (10_000L + (long) s.spacingTicks() * (s.levels() - 1) / 2);
            this.priceTicks = centre + random.nextInt(s.spacingTicks());
            this.venue = new PaperVenue(rules, price());
        }

        BigDecimal price() {
            return tick.multiply(BigDecimal.valueOf(priceTicks));
        }

        void play(int steps) {
            inbox.add(new GridEvent.ControlRequested(now, GridEvent.Control.START));
            inbox.add(new GridEvent.PriceTick(now, price()));
            settle();
            for (int i = 0; i < steps && !stopped; i++) {
                step();
                settle();
                checkState();
            }
            if (!stopped) {
                checkIdempotentSync();
            }
        }

        void step() {
            now += random.nextInt(2_000);
            if (s.faults() && random.nextInt(10) == 0) {
                switch (random.nextInt(4)) {
                    case 0 -> venue.rejectNextCreates(ExchangeErrorKind.values()[random.nextInt(ExchangeErrorKind.values().length)]);
                    case 1 -> venue.timeOutNextCreatesButPlaceThem(1);
                    case 2 -> inbox.add(new GridEvent.StreamHealth(now, GridEvent.StreamState.DISCONNECTED, 0));
                    default -> inbox.add(new GridEvent.StreamHealth(now, GridEvent.StreamState.CONNECTED, 0));
                }
            }
            long spacing = s.spacingTicks();
            long move = random.nextInt(20) == 0 ? (random.nextBoolean() ? 1 : -1) * spacing * (s.levels() / 2 + 1)
                    : random.nextLong(-2 * spacing, 2 * spacing + 1);
            priceTicks = Math.max(1, priceTicks + move);
            inbox.addAll(venue.trade(price(), now, (order, remaining) -> partial(remaining)));
            inbox.add(new GridEvent.PriceTick(now, price()));
            inbox.add(new GridEvent.TimerTick(now));
        }

        BigDecimal partial(BigDecimal remaining) {
            if (random.nextInt(3) > 0) {
                return remaining;
            }
            BigDecimal steps = remaining.divide(rules.stepSize());
            return rules.stepSize().multiply(BigDecimal.valueOf(1 + random.nextInt(Math.max(1, steps.intValue()))));
        }

        void settle() {
            int guard = 0;
            while (!inbox.isEmpty()) {
                assertThat(++guard).as("the machine and the venue settle").isLessThan(50_000);
                GridEvent event = inbox.poll();
                if (s.perturb() && !inbox.isEmpty() && random.nextInt(8) == 0) {
                    GridEvent next = inbox.poll(); // swap with the next event
                    inbox.addFirst(event);
                    event = next;
                }
                if (s.perturb() && random.nextInt(12) == 0) {
                    inbox.addLast(event); // delivered again later
                }
                List<GridCommand> out = machine.on(event);
                out.forEach(this::checkCommand);
                inbox.addAll(venue.execute(out, now));
            }
            if (machine.status() == GridStatus.STOPPED && machine.view().lastStopLoss() != null) {
                stopped = true;
                assertThat(venue.openOrders()).as(() -> "no order rests after a stop-loss" + trace()).isEmpty();
                assertThat(venue.position()).as(() -> "the stop-loss flattened the position" + trace()).isEqualByComparingTo("0");
            }
        }

        void checkCommand(GridCommand command) {
            if (command instanceof GridCommand.PlaceOrder place) {
                GridInvariants.checkPlace(config, machine.view().ladder(), place);
            }
        }

        void checkState() {
            BigDecimal shortWorst = venue.position().negate().max(BigDecimal.ZERO);
            BigDecimal longWorst = venue.position().max(BigDecimal.ZERO);
            Set<String> identities = new HashSet<>();
            for (PaperVenue.Resting r : venue.openOrders()) {
                OrderRequest q = r.request;
                var id = ClientOrderId.parse(q.clientOrderId()).orElseThrow();
                if (q.type() == OrderType.LIMIT) {
                    assertThat(identities.add(id.kind() + "/" + q.side() + "/" + q.price() + "/" + id.line()))
                            .as("no two live orders share an identity").isTrue();
                }
                if (q.type() == OrderType.LIMIT && !q.reduceOnly()) {
                    if (q.side() == Side.SELL) {
                        shortWorst = shortWorst.add(r.remaining());
                    } else {
                        longWorst = longWorst.add(r.remaining());
                    }
                }
            }
            assertThat(shortWorst).as(() -> "worst-case short position" + trace()).isLessThanOrEqualTo(config.maxPosition());
            assertThat(longWorst).as(() -> "worst-case long position" + trace()).isLessThanOrEqualTo(config.maxPosition());
        }

        /** What the grid did lately and what rests now: the context a failed property needs. */
        String trace() {
            StringBuilder b = new StringBuilder("\n--- venue position ").append(venue.position()).append(", resting:\n");
            venue.openOrders().forEach(r -> b.append("  ").append(r.request.clientOrderId()).append(' ')
                    .append(r.request.side()).append(' ').append(r.request.quantity() == null ? "all" : r.remaining()).append(" @ ").append(r.request.price())
                    .append(r.request.reduceOnly() ? " RO" : "").append('\n'));
            GridView view = machine.view();
            b.append("--- machine position ").append(view.position()).append(" venue says ").append(view.venuePosition())
                    .append("\n");
            view.levels().stream().filter(l -> l.state() != io.gridbot.core.level.LevelState.IDLE)
                    .forEach(l -> b.append("  line ").append(l.line()).append(' ').append(l.state()).append(' ')
                            .append(l.entrySide()).append(" filled ").append(l.entryFilledQty()).append(" closed ")
                            .append(l.exitFilledQty()).append('\n'));
            List<io.gridbot.core.log.LogEntry> log = view.recentLog();
            b.append("--- last log entries:\n");
            log.subList(Math.max(0, log.size() - 60), log.size())
                    .forEach(e -> b.append("  ").append(e.type()).append(' ').append(e.detail()).append(' ')
                            .append(e.clientOrderId()).append('\n'));
            return b.toString();
        }

        /**
         * With the market still, syncs must converge (cancels confirmed, cool-downs over) and then change
         * nothing, however often they run.
         */
        void checkIdempotentSync() {
            inbox.add(new GridEvent.StreamHealth(now, GridEvent.StreamState.CONNECTED, 0));
            now += 3_600_000; // past every cool-down, pause and partial-fill limit
            int quiet = 0;
            for (int i = 0; i < 20 && quiet < 3 && machine.status() == GridStatus.RUNNING; i++) {
                now += 3_000;
                List<GridCommand> out = machine.on(new GridEvent.TimerTick(now));
                boolean acted = out.stream()
                        .anyMatch(c -> c instanceof GridCommand.PlaceOrder || c instanceof GridCommand.CancelOrder);
                quiet = acted ? 0 : quiet + 1;
                inbox.addAll(venue.execute(out, now));
                settle();
            }
            if (machine.status() == GridStatus.RUNNING) {
                assertThat(quiet).as(() -> "repeated syncs settle and then change nothing" + trace()).isGreaterThanOrEqualTo(3);
            }
        }
    }
}
