package io.gridbot.exchange.sim;

import java.util.Locale;

/**
 * When a market trade fills a resting limit order on the simulator. Chosen per venue in {@link SimSettings}
 * (the replay takes it as {@code --fill-model}); the default is the conservative {@link #THROUGH}.
 *
 * <p>In every model a trade of known volume fills at most that volume across the orders it reaches, in price
 * then time priority, so a large order fills in parts; a trade of unknown volume ({@code null}) fills whole every
 * order it reaches. A trade strictly through an order's price (below a buy, above a sell) always reaches it. The
 * models differ only on a trade exactly at the price. Where the trade says which side took liquidity, a trade at
 * a buy's price can only be a seller hitting the bids (and at a sell's price a buyer lifting the offers): a trade
 * at the price by an aggressor on the order's own side reaches nothing in any model.
 */
public enum FillModel {

    /**
     * A trade at the price fills the order: as if it were first in the queue at its price. Optimistic: the
     * simulator's behaviour before fill models, kept to compare with.
     */
    TOUCH,

    /**
     * Only a trade strictly through the price fills the order; one exactly at it never does. Conservative: it
     * leaves out the fills a venue gives the front of the queue when the price touches and turns.
     */
    THROUGH,

    /**
     * The order waits behind a queue at its price. When it rests, the volume ahead of it is estimated as the
     * average volume per price traded in the trailing minute (the volume of the trades of known volume divided
     * by the number of distinct prices they traded at): what one price level of this market trades in a minute
     * stands in for what rests at a level, since grid orders mostly rest away from the price, where nothing has
     * traded lately. Trades at the price eat the queue ahead first and then fill the order; a trade through the
     * price fills it at once and empties its queue. Nobody ahead ever cancels and the estimate is never revised
     * upwards, so the order only moves forward by traded volume. Our own orders at one price queue one behind
     * the other. With 1m klines (four trades of a quarter of the candle's volume each) a touch fills the order
     * when the touching quarter traded more than a level's share of the minute before the order rested, roughly
     * half the touches; with tick data, the real volume at the price decides.
     */
    QUEUE;

    /** The model's name as the command line takes it and the summary prints it: {@code touch}, {@code through}, {@code queue}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
