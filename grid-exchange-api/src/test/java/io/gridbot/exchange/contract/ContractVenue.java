package io.gridbot.exchange.contract;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.ExchangeAdapter;
import java.math.BigDecimal;

/**
 * What the contract kit needs from a venue under test: the adapter, and the hands to move the market and
 * make the venue misbehave. A simulator implements it directly; a fake server of a real venue implements it
 * by steering the fake.
 */
public interface ContractVenue extends AutoCloseable {

    /** The adapter under test, connected and ready. */
    ExchangeAdapter adapter();

    /** The rules of the symbol the kit trades. */
    SymbolRules rules();

    /** The market price now. */
    BigDecimal price();

    /** The market trades this volume at this price (resting orders it reaches fill). */
    void trade(BigDecimal price, BigDecimal qty);

    /** The venue refuses the next create with an error that maps to this kind. */
    void rejectNextCreate(ExchangeErrorKind kind);

    /** The venue drops every stream; the adapter should reconnect (time may need {@link #advance}). */
    void dropStreams();

    /**
     * True when the venue takes a post-only order that would take and ends it right after (OKX: accepted, then
     * cancelled with cancel source 31), so the adapter cannot refuse the create and reports the order EXPIRED
     * instead. False, the default, when the create itself fails with {@code POST_ONLY_WOULD_TAKE}.
     */
    default boolean endsPostOnlyAfterAccepting() {
        return false;
    }

    /** Lets this much (venue or wall) time pass, for reconnect schedules. */
    void advance(long ms);

    @Override
    void close();
}
