package io.gridbot.exchange.binance.stream;

import io.gridbot.exchange.binance.wire.MarketMessage;
import io.gridbot.exchange.binance.wire.NeutralMapper;
import io.gridbot.exchange.binance.wire.StreamParser;
import io.gridbot.exchange.stream.DepthEvent;
import io.gridbot.exchange.stream.TickerEvent;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns market-stream frames into SPI events: book ticker and aggregate trades into {@link TickerEvent}s (best
 * bid and ask with the last trade), partial depth into {@link DepthEvent}s; mark prices are kept for the
 * asking. A frame it cannot parse is logged and skipped.
 */
public final class MarketFeed {

    private static final Logger LOG = LoggerFactory.getLogger(MarketFeed.class);

    private final StreamParser parser;
    private final Listeners<TickerEvent> tickers;
    private final Listeners<DepthEvent> depths;
    private final Map<String, Quote> quotes = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> marks = new ConcurrentHashMap<>();

    public MarketFeed(StreamParser parser, Listeners<TickerEvent> tickers, Listeners<DepthEvent> depths) {
        this.parser = parser;
        this.tickers = tickers;
        this.depths = depths;
    }

    /** Handles one frame of a market route. */
    public void onFrame(String frame) {
        MarketMessage message;
        try {
            message = parser.market(frame);
        } catch (IOException | RuntimeException e) {
            LOG.warn("skipping a malformed market frame ({}): {}", e.getMessage(), abbreviate(frame));
            return;
        }
        switch (message) {
            case MarketMessage.BookTicker t -> {
                Quote q = quotes.merge(t.symbol(), new Quote(t.bid(), t.ask(), null, null),
                        (old, now) -> new Quote(now.bid, now.ask, old.last, old.lastQty));
                tickers.deliver(t.symbol(), new TickerEvent(t.symbol(), q.bid, q.ask, q.last, q.lastQty, t.eventTime()));
            }
            case MarketMessage.AggTrade a -> {
                Quote q = quotes.merge(a.symbol(), new Quote(null, null, a.price(), a.qty()),
                        (old, now) -> new Quote(old.bid, old.ask, now.last, now.lastQty));
                tickers.deliver(a.symbol(), new TickerEvent(a.symbol(), q.bid, q.ask, q.last, q.lastQty, a.eventTime()));
            }
            case MarketMessage.DepthUpdate d -> depths.deliver(d.symbol(),
                    new DepthEvent(d.symbol(), NeutralMapper.levels(d.bids()), NeutralMapper.levels(d.asks()), d.eventTime()));
            case MarketMessage.MarkPriceUpdate m -> marks.put(m.symbol(), m.markPrice());
            case MarketMessage.Other o -> {
                // subscription replies and events a grid does not use
            }
        }
    }

    /** The last mark price seen for a symbol, or {@code null}. */
    public BigDecimal markPrice(String symbol) {
        return marks.get(symbol);
    }

    static String abbreviate(String frame) {
        return frame == null ? "null" : frame.length() > 300 ? frame.substring(0, 300) + "…" : frame;
    }

    private record Quote(BigDecimal bid, BigDecimal ask, BigDecimal last, BigDecimal lastQty) {
    }
}
