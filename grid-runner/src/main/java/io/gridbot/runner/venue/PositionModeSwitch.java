package io.gridbot.runner.venue;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.BinanceAccountMode;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.runtime.GridRuntimeRepository.GridLease;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A person's request to switch a venue account's position mode (Binance's, or the daemon's simulated venue's),
 * the one way gridbot ever switches it. Nothing is changed when the account is in that mode already, nor while a
 * grid of the database is live on the venue (its orders and position would be stranded in the old mode), nor
 * while another process holds the account's state (the daemon running on the simulated venue's data directory,
 * which would write its own copy over the switch). The venue itself refuses while the account holds any position
 * or open order on any symbol; the SPI cannot list every symbol's, so that check is the venue's, and its refusal
 * comes back in words a person acts on.
 */
public final class PositionModeSwitch {

    /** What the request came to. */
    public sealed interface Outcome {

        /** The account is in the mode asked for; nothing was sent. */
        record Already(PositionMode mode) implements Outcome {
        }

        /** The venue switched the account. */
        record Switched(PositionMode from, PositionMode to) implements Outcome {
        }

        /** Not switched; {@code reason} is one line saying why and what to do. */
        record Refused(String reason) implements Outcome {
        }
    }

    /** The account a switch is asked of: its venue's code, its mode as read and switched there. */
    public interface Account {

        /** The venue's code, as grid configurations name it. */
        String venue();

        /** The account's mode now. */
        PositionMode positionMode() throws ExchangeException;

        /** Asks the venue to switch the account; it refuses as {@link ExchangeAdapter#changePositionMode} says. */
        void changePositionMode(PositionMode mode) throws ExchangeException;

        /** Why another process, not this one, may change the account now, naming it; empty when none may. */
        default Optional<String> heldElsewhere() {
            return Optional.empty();
        }

        /** A Binance account, over signed REST alone. */
        static Account of(BinanceAccountMode binance) {
            return new Account() {
                @Override
                public String venue() {
                    return "binance";
                }

                @Override
                public PositionMode positionMode() throws ExchangeException {
                    return binance.positionMode();
                }

                @Override
                public void changePositionMode(PositionMode mode) throws ExchangeException {
                    binance.changePositionMode(mode);
                }
            };
        }

        /**
         * A venue's account through its adapter, which answers refusals in Binance's codes (as the simulated venue
         * does, in its default dialect).
         *
         * @param heldElsewhere see {@link #heldElsewhere()}
         */
        static Account of(ExchangeAdapter venue, Optional<String> heldElsewhere) {
            return new Account() {
                @Override
                public String venue() {
                    return venue.venue();
                }

                @Override
                public PositionMode positionMode() throws ExchangeException {
                    return venue.positionMode();
                }

                @Override
                public void changePositionMode(PositionMode mode) throws ExchangeException {
                    venue.changePositionMode(mode);
                }

                @Override
                public Optional<String> heldElsewhere() {
                    return heldElsewhere;
                }
            };
        }
    }

    private PositionModeSwitch() {
    }

    /**
     * Switches {@code account} to {@code wanted} unless it is there already, {@code liveGrids} names any grid, or
     * another process holds the account.
     *
     * @param liveGrids the grids live on the venue, asked only when a switch is needed
     * @throws ExchangeException when the account's mode cannot be read
     */
    public static Outcome request(Account account, PositionMode wanted, Supplier<List<String>> liveGrids)
            throws ExchangeException {
        PositionMode current = account.positionMode();
        if (current == wanted) {
            return new Outcome.Already(current);
        }
        String venue = account.venue();
        List<String> live = liveGrids.get();
        if (!live.isEmpty()) {
            return new Outcome.Refused("not switched to " + wanted + ": grids of this database are live on " + venue
                    + ": " + String.join(", ", live) + "; stop them first (grids name no account, so each one counts)");
        }
        Optional<String> held = account.heldElsewhere();
        if (held.isPresent()) {
            return new Outcome.Refused("not switched to " + wanted + ": " + held.get() + "; stop it first");
        }
        try {
            account.changePositionMode(wanted);
        } catch (ExchangeException e) {
            return new Outcome.Refused(refusal(venue, wanted, e));
        }
        return new Outcome.Switched(current, wanted);
    }

    /**
     * The grids of {@code db} on {@code exchange} whose status is anything but STOPPED (a grid never started has
     * none), each as {@code 'name' (STATUS)}, by name.
     */
    public static List<String> liveGrids(Database db, String exchange) {
        Map<Long, GridStatus> statuses = db.runtime().leases().stream()
                .collect(Collectors.toMap(GridLease::configId, GridLease::status));
        return db.configs().list().stream()
                .filter(g -> exchange.equals(g.config().exchange()))
                .filter(g -> statuses.getOrDefault(g.id(), GridStatus.STOPPED).isActive())
                .map(g -> "'" + g.config().name() + "' (" + statuses.get(g.id()) + ")")
                .toList();
    }

    private static String refusal(String venue, PositionMode wanted, ExchangeException e) {
        String refused = venue + " refused to switch the account to " + wanted + ": ";
        String said = " (" + e.venueMessage() + ")";
        return BinanceAccountMode.Refusal.of(e).map(r -> refused + switch (r) {
            case POSITION_OPEN -> "it holds a position" + said + "; close every position, on every symbol, first";
            case ORDERS_OPEN -> "it has open orders" + said
                    + "; cancel every open order, conditional ones too, on every symbol, first";
            case UNCHANGED -> "it is in " + wanted + " position mode already" + said;
        }).orElseGet(() -> e.kind() == ExchangeErrorKind.TIMEOUT_UNKNOWN
                ? "whether " + venue + " switched the account to " + wanted + " is unknown (" + e.getMessage()
                        + "); read its mode again"
                : venue + " did not switch the account to " + wanted + ": " + e.getMessage());
    }
}
