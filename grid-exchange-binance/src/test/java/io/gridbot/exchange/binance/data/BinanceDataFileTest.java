package io.gridbot.exchange.binance.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.order.Side;
import io.gridbot.exchange.replay.MalformedDataException;
import io.gridbot.exchange.replay.MarketTrade;
import io.gridbot.exchange.replay.PriceSeries;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinanceDataFileTest {

    private static List<MarketTrade> all(PriceSeries series) {
        List<MarketTrade> out = new ArrayList<>();
        series.forEachRemaining(out::add);
        series.close();
        return out;
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void officialFuturesKlinesBecomeFourTradesPerCandle() {
        InputStream in = getClass().getResourceAsStream("LINKUSDT-1m-2023-02-first3000.csv.gz");

        List<MarketTrade> trades = all(BinanceDataFile.open(in, BinanceDataFile.Kind.KLINES, "LINK"));

        assertThat(trades).hasSize(12_000);
        // first candle 6.949 / 6.959 / 6.947 / 6.957, volume 30020.25: rising, so low before high
        assertThat(trades.subList(0, 4)).extracting(t -> t.price().toPlainString())
                .containsExactly("6.949", "6.947", "6.959", "6.957");
        assertThat(trades.get(0).atMs()).isEqualTo(1_675_209_600_000L);
        assertThat(trades.get(3).atMs()).isEqualTo(1_675_209_645_000L);
        assertThat(trades.get(0).qty()).isEqualByComparingTo("7505.0625");
    }

    @Test
    void simplifiedSpotKlinesWithDateTimesAreRead() {
        List<MarketTrade> trades = all(BinanceDataFile.open(text("""
                timestamp,open,high,low,close,volume
                2023-08-26 03:00:00,26076.01,26078.79,26070.00,26070.00,6.08
                """), BinanceDataFile.Kind.KLINES, "spot"));

        assertThat(trades).extracting(t -> t.price().toPlainString())
                .containsExactly("26076.01", "26078.79", "26070.00", "26070.00"); // falling: high first
        assertThat(trades.get(0).atMs()).isEqualTo(1_693_018_800_000L);
    }

    @Test
    void aggTradesAndBookTickersAreRead() {
        List<MarketTrade> agg = all(BinanceDataFile.open(text("""
                agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker
                1,61590.3,0.005,10,11,1723161255030,true
                """), BinanceDataFile.Kind.AGG_TRADES, "agg"));
        assertThat(agg).containsExactly(new MarketTrade(1_723_161_255_030L, new BigDecimal("61590.3"),
                new BigDecimal("0.005"), Side.SELL));

        List<MarketTrade> book = all(BinanceDataFile.open(text("""
                1,100.0,1,100.2,2,1700000000000,1700000000001
                """), BinanceDataFile.Kind.BOOK_TICKER, "book"));
        assertThat(book.get(0).price()).isEqualByComparingTo("100.1");
        assertThat(book.get(0).qty()).isNull();
    }

    @Test
    void anAggTradeTakenByABuyerSaysBuyAndOneTakenByASellerSaysSell() {
        // issue 15: is_buyer_maker=true means the resting order was the buyer's, so the seller crossed the spread
        List<MarketTrade> agg = all(BinanceDataFile.open(text("""
                1,100.0,1,10,10,1700000000000,false
                2,99.9,2,11,11,1700000000001,true
                3,99.9,2,12,12,1700000000002,False
                """), BinanceDataFile.Kind.AGG_TRADES, "agg"));

        assertThat(agg).extracting(MarketTrade::aggressor).containsExactly(Side.BUY, Side.SELL, Side.BUY);
    }

    @Test
    void spotAggTradesWithTheirBestMatchColumnAreRead() {
        List<MarketTrade> agg = all(BinanceDataFile.open(text("1,100.0,1,10,10,1700000000000,true,true\n"),
                BinanceDataFile.Kind.AGG_TRADES, "spot agg"));

        assertThat(agg).containsExactly(new MarketTrade(1_700_000_000_000L, new BigDecimal("100.0"), BigDecimal.ONE,
                Side.SELL));
    }

    @Test
    void klinesAndBookTickersDoNotSayWhoTookLiquidity() {
        List<MarketTrade> klines = all(BinanceDataFile.open(text("1700000000000,100,101,99,100.5,4\n"),
                BinanceDataFile.Kind.KLINES, "k"));
        List<MarketTrade> book = all(BinanceDataFile.open(text("1,100.0,1,100.2,2,1700000000000,1700000000001\n"),
                BinanceDataFile.Kind.BOOK_TICKER, "book"));

        assertThat(klines).hasSize(4).extracting(MarketTrade::aggressor).containsOnlyNulls();
        assertThat(book).extracting(MarketTrade::aggressor).containsOnlyNulls();
    }

    @Test
    void blankLinesAndAByteOrderMarkAreNotData() {
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        byte[] rows = "open_time,open,high,low,close,volume\r\n\r\n1700000000000,100,101,99,100.5,4\r\n\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] file = new byte[bom.length + rows.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(rows, 0, file, bom.length, rows.length);

        List<MarketTrade> trades = all(BinanceDataFile.open(new ByteArrayInputStream(file), BinanceDataFile.Kind.KLINES,
                "excel.csv"));

        assertThat(trades).extracting(t -> t.price().toPlainString()).containsExactly("100", "99", "101", "100.5");
    }

    @Test
    void checkReadsTheWholeFileAndSaysWhatItHolds() {
        BinanceDataFile.Contents contents = BinanceDataFile.check(
                getClass().getResourceAsStream("LINKUSDT-1m-2023-02-first3000.csv.gz"), BinanceDataFile.Kind.KLINES,
                "LINK", null);

        assertThat(contents).isEqualTo(new BinanceDataFile.Contents(12_000, 1_675_209_600_000L,
                1_675_209_600_000L + 2_999 * 60_000L + 45_000));
    }

    @Test
    void checkFailsOnTheLastRowSoACallerPlaysNothingOfABadFile() {
        String good = "1700000000000,100,101,99,100.5,4\n1700000060000,100,101,99,100.5,4\n";

        assertThatThrownBy(() -> BinanceDataFile.check(text(good + "1700000120000,100,101,99,100.5,-4\n"),
                BinanceDataFile.Kind.KLINES, "late.csv", null))
                .isInstanceOf(MalformedDataException.class).hasMessage("late.csv: row 3: volume -4 is negative");
    }
}
