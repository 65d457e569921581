package io.gridbot.exchange.binance.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.order.Side;
import io.gridbot.exchange.binance.data.BinanceDataFile.Kind;
import io.gridbot.exchange.replay.MalformedDataException;
import io.gridbot.exchange.replay.MarketTrade;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15: replay from raw USDⓈ-M futures WebSocket captures, one JSON message a line. */
class WsCaptureTest {

    private static final String SLICE = "btcusdt_20240808-first2000.gz";

    private static List<MarketTrade> play(String capture, String symbol) {
        List<MarketTrade> out = new ArrayList<>();
        try (BinanceDataFile file = BinanceDataFile.open(new ByteArrayInputStream(capture.getBytes(StandardCharsets.US_ASCII)),
                Kind.WS_CAPTURE, "capture.log", symbol)) {
            file.forEachRemaining(out::add);
        }
        return out;
    }

    private static String problem(String capture, String symbol) {
        try {
            play(capture, symbol);
        } catch (MalformedDataException e) {
            return e.getMessage();
        }
        throw new AssertionError("the capture was played");
    }

    private static String trade(String symbol, long t, String price, String qty, boolean buyerIsMaker) {
        return "{\"e\":\"trade\",\"E\":" + t + ",\"T\":" + t + ",\"s\":\"" + symbol + "\",\"t\":1,\"p\":\"" + price
                + "\",\"q\":\"" + qty + "\",\"X\":\"MARKET\",\"m\":" + buyerIsMaker + "}";
    }

    private static String quote(String symbol, long t, String bid, String ask) {
        return "{\"e\":\"bookTicker\",\"u\":1,\"s\":\"" + symbol + "\",\"b\":\"" + bid + "\",\"B\":\"1.0\",\"a\":\""
                + ask + "\",\"A\":\"2.0\",\"T\":" + t + ",\"E\":" + t + "}";
    }

    private static String envelope(String stream, String data) {
        return "{\"stream\":\"" + stream + "\",\"data\":" + data + "}";
    }

    @Test
    void theRecordedSliceGivesItsTradesWithAggressorsAndItsQuotesAsMidPrices() {
        List<MarketTrade> all = new ArrayList<>();
        try (BinanceDataFile file = BinanceDataFile.open(getClass().getResourceAsStream(SLICE), Kind.WS_CAPTURE, SLICE,
                "BTCUSDT")) {
            file.forEachRemaining(all::add);
        }

        List<MarketTrade> trades = all.stream().filter(t -> t.qty() != null).toList();
        List<MarketTrade> quotes = all.stream().filter(t -> t.qty() == null).toList();
        assertThat(trades).hasSize(347);
        assertThat(trades).filteredOn(t -> t.aggressor() == Side.BUY).hasSize(190);
        assertThat(trades).filteredOn(t -> t.aggressor() == Side.SELL).hasSize(157);
        assertThat(trades.stream().map(MarketTrade::qty).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("50.768");
        assertThat(quotes).hasSize(1_483).allSatisfy(q -> assertThat(q.aggressor()).isNull());
        // line 2, the first bookTicker: bid 61800.20, ask 61800.30 at 1723161256313; line 3 a buy at the ask
        assertThat(all.get(0)).isEqualTo(new MarketTrade(1_723_161_256_313L, new BigDecimal("61800.25"), null));
        assertThat(trades.get(0)).isEqualTo(new MarketTrade(1_723_161_256_322L, new BigDecimal("61800.30"),
                new BigDecimal("0.006"), Side.BUY));
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).atMs()).isGreaterThanOrEqualTo(all.get(i - 1).atMs());
        }
    }

    @Test
    void checkingTheSliceCountsWhatItPlays() {
        assertThat(BinanceDataFile.check(getClass().getResourceAsStream(SLICE), Kind.WS_CAPTURE, SLICE, "BTCUSDT"))
                .isEqualTo(new BinanceDataFile.Contents(1_830, 1_723_161_256_313L, 1_723_161_265_116L));
    }

    @Test
    void messagesAreReadBareOrEnvelopedAfterAReceiveTimeInAnyUnitOrNone() {
        String capture = String.join("\n",
                "1723161255030314667 " + envelope("btcusdt@trade", trade("BTCUSDT", 1000, "100.0", "1", false)),
                "1723161255030314 " + trade("BTCUSDT", 1001, "100.1", "2", true),
                "1723161255030 " + envelope("btcusdt@bookTicker", quote("BTCUSDT", 1002, "100.0", "100.4")),
                quote("BTCUSDT", 1003, "100.1", "100.3"));

        assertThat(play(capture, "BTCUSDT")).containsExactly(
                new MarketTrade(1000, new BigDecimal("100.0"), BigDecimal.ONE, Side.BUY),
                new MarketTrade(1001, new BigDecimal("100.1"), new BigDecimal("2"), Side.SELL),
                new MarketTrade(1002, new BigDecimal("100.2"), null),
                new MarketTrade(1003, new BigDecimal("100.2"), null));
    }

    @Test
    void aggTradeEventsAreTradesToo() {
        String agg = "{\"e\":\"aggTrade\",\"E\":1001,\"a\":5,\"s\":\"BTCUSDT\",\"p\":\"100.5\",\"q\":\"0.5\",\"f\":1,\"l\":2,"
                + "\"T\":1000,\"m\":true}";

        assertThat(play(agg, null)).containsExactly(new MarketTrade(1000, new BigDecimal("100.5"), new BigDecimal("0.5"),
                Side.SELL));
    }

    @Test
    void depthUpdatesSnapshotsRepliesAndOtherEventsAreSkipped() {
        String capture = String.join("\n",
                "{\"result\":null,\"id\":1}",
                "1 " + envelope("btcusdt@depth@0ms", "{\"e\":\"depthUpdate\",\"E\":999,\"T\":999,\"s\":\"BTCUSDT\",\"U\":1,"
                        + "\"u\":2,\"pu\":0,\"b\":[[\"99.9\",\"1\"]],\"a\":[[\"100.1\",\"1\"]]}"),
                "2 {\"lastUpdateId\":5,\"E\":999,\"T\":999,\"bids\":[[\"99.9\",\"1\"]],\"asks\":[[\"100.1\",\"1\"]]}",
                "{\"e\":\"markPriceUpdate\",\"E\":999,\"s\":\"BTCUSDT\",\"p\":\"100\"}",
                trade("BTCUSDT", 1000, "100.0", "1", false),
                "");

        assertThat(play(capture, "BTCUSDT")).containsExactly(
                new MarketTrade(1000, new BigDecimal("100.0"), BigDecimal.ONE, Side.BUY));
    }

    @Test
    void onlyTheNamedSymbolIsPlayed() {
        String capture = String.join("\n", trade("ETHUSDT", 1000, "2680.0", "1", false),
                trade("BTCUSDT", 1001, "61000.0", "0.1", true), quote("ETHUSDT", 1002, "2680.0", "2680.2"));

        assertThat(play(capture, "BTCUSDT")).extracting(t -> t.price().toPlainString()).containsExactly("61000.0");
        assertThat(play(capture, "ETHUSDT")).extracting(t -> t.price().toPlainString()).containsExactly("2680.0", "2680.1");
        assertThat(problem(capture, "SOLUSDT")).isEqualTo("capture.log: no trade or bookTicker messages for SOLUSDT");
    }

    @Test
    void aCaptureOfSeveralSymbolsNeedsTheSymbolNamed() {
        String capture = String.join("\n", trade("ETHUSDT", 1000, "2680.0", "1", false),
                trade("BTCUSDT", 1001, "61000.0", "0.1", true));

        assertThat(problem(capture, null))
                .isEqualTo("capture.log: line 2: a second symbol, BTCUSDT after ETHUSDT: name the symbol to play");
    }

    @Test
    void aLineThatIsNotJsonIsRejectedWithItsNumber() {
        String good = trade("BTCUSDT", 1000, "100.0", "1", false);

        assertThat(problem(good + "\n1723161255030 {\"e\":\"trade\",\"p\":}", "BTCUSDT"))
                .startsWith("capture.log: line 2: not JSON: Unexpected character ('}'");
        assertThat(problem(good + "\n" + good.substring(0, 30), "BTCUSDT"))
                .startsWith("capture.log: line 2: not JSON: Unexpected end-of-input");
        assertThat(problem(good + "\nGET /fapi/v1/depth 200", "BTCUSDT")).isEqualTo(
                "capture.log: line 2: 'GET /fapi/v1/depth 200' is not a JSON message (optionally after a receive time)");
        assertThat(problem("17231612550301234{}", "BTCUSDT")).startsWith("capture.log: line 1: '17231612550301234{}' is not");
    }

    @Test
    void aTradeWithANegativePriceIsRejectedWithItsLine() {
        String capture = String.join("\n", trade("BTCUSDT", 1000, "100.0", "1", false),
                trade("BTCUSDT", 1001, "100.0", "1", false), trade("BTCUSDT", 1002, "-100.0", "1", false));

        assertThat(problem(capture, "BTCUSDT")).isEqualTo("capture.log: line 3: trade p (price) -100.0 is not above zero");
    }

    @Test
    void aTradeOrQuoteMissingOrWithBadFieldsIsRejected() {
        assertThat(problem(trade("BTCUSDT", 1000, "100.0", "-1", false), null))
                .isEqualTo("capture.log: line 1: trade q (quantity) -1 is negative");
        assertThat(problem(trade("BTCUSDT", 1000, "1e", "1", false), null))
                .isEqualTo("capture.log: line 1: trade p (price) '1e' is not a number");
        assertThat(problem(quote("BTCUSDT", 1000, "100.0", "0"), null))
                .isEqualTo("capture.log: line 1: bookTicker a (best ask) 0 is not above zero");
        assertThat(problem("{\"e\":\"trade\",\"T\":1,\"s\":\"BTCUSDT\",\"p\":\"1\",\"q\":\"1\"}", null))
                .isEqualTo("capture.log: line 1: trade m (buyer is maker) is missing");
        assertThat(problem("{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"p\":\"1\",\"q\":\"1\",\"m\":true}", null))
                .isEqualTo("capture.log: line 1: trade without T or E (time)");
    }

    @Test
    void streamsMayInterleaveButNeitherGoesBackInTime() {
        String interleaved = String.join("\n", trade("BTCUSDT", 1000, "100.0", "1", false),
                quote("BTCUSDT", 990, "99.9", "100.1"), trade("BTCUSDT", 1000, "100.1", "1", false));

        // the quote was received after the trade: played after it, at the trade's time
        assertThat(play(interleaved, "BTCUSDT")).extracting(MarketTrade::atMs).containsExactly(1000L, 1000L, 1000L);
        assertThat(problem(interleaved + "\n" + trade("BTCUSDT", 999, "100.0", "1", false), "BTCUSDT"))
                .isEqualTo("capture.log: line 4: trade time 999 is before the previous trade's 1000");
    }

    @Test
    void aCaptureOfBothTradeStreamsPlaysOnlyTheFirstOneMet() {
        String capture = String.join("\n", trade("BTCUSDT", 1000, "100.0", "1", false),
                "{\"e\":\"aggTrade\",\"E\":1001,\"a\":5,\"s\":\"BTCUSDT\",\"p\":\"100.0\",\"q\":\"1\",\"T\":1000,\"m\":false}");

        assertThat(play(capture, "BTCUSDT")).hasSize(1);
    }

    @Test
    void tradesNotFromTheBookAreSkipped() {
        String capture = String.join("\n", trade("BTCUSDT", 1000, "100.0", "1", false),
                trade("BTCUSDT", 1001, "90.0", "5", true).replace("MARKET", "INSURANCE_FUND"));

        assertThat(play(capture, "BTCUSDT")).extracting(t -> t.price().toPlainString()).containsExactly("100.0");
    }
}
