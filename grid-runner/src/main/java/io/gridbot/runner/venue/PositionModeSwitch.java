package io.gridbot.runner.venue;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.BinanceAccountMode;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.runtime.GridRuntimeRepository.GridLease;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A person's request to switch a Binance account's position mode, the one way gridbot ever switches it. Nothing
 * is sent when the account is in that mode already, nor while a grid of the database is live on the venue (its
 * orders and position would be stranded in the old mode). The venue itself refuses while the account holds any
 * position or open order on any symbol; the SPI cannot list every symbol's, so that check is the venue's, and
 * its refusal comes back in words a person acts on.
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

    private PositionModeSwitch() {
    }

    /**
     * Switches {@code account} to {@code wanted} unless it is there already or {@code liveGrids} names any grid.
     *
     * @param liveGrids the grids live on the venue, asked only when a switch is needed
     * @throws ExchangeException when the account's mode cannot be read
     */
    public static Outcome request(BinanceAccountMode account, PositionMode wanted, Supplier<List<String>> liveGrids)
            throws ExchangeException {
        PositionMode current = account.positionMode();
        if (current == wanted) {
            return new Outcome.Already(current);
        }
        List<String> live = liveGrids.get();
        if (!live.isEmpty()) {
            return new Outcome.Refused("not switched to " + wanted + ": grids of this database are live on binance: "
                    + String.join(", ", live) + "; stop them first (grids name no account, so each one counts)");
        }
        try {
            account.changePositionMode(wanted);
        } catch (ExchangeException e) {
            return new Outcome.Refused(refusal(wanted, e));
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

    private static String refusal(PositionMode wanted, ExchangeException e) {
        String refused = "binance refused to switch the account to " + wanted + ": ";
        String venue = " (" + e.venueMessage() + ")";
        return BinanceAccountMode.Refusal.of(e).map(r -> refused + switch (r) {
            case POSITION_OPEN -> "it holds a position" + venue + "; close every position, on every symbol, first";
            case ORDERS_OPEN -> "it has open orders" + venue
                    + "; cancel every open order, conditional ones too, on every symbol, first";
            case UNCHANGED -> "it is in " + wanted + " position mode already" + venue;
        }).orElseGet(() -> e.kind() == ExchangeErrorKind.TIMEOUT_UNKNOWN
                ? "whether binance switched the account to " + wanted + " is unknown (" + e.getMessage()
                        + "); read its mode again"
                : "binance did not switch the account to " + wanted + ": " + e.getMessage());
    }
}
