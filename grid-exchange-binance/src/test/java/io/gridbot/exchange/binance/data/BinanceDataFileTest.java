package io.gridbot.exchange.binance.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                2023-08-26 03:00:00,26076.01,26078.79,26076.0,26070.00,6.08
                """), BinanceDataFile.Kind.KLINES, "spot"));

        assertThat(trades).extracting(t -> t.price().toPlainString())
                .containsExactly("26076.01", "26078.79", "26076.0", "26070.00"); // falling: high first
        assertThat(trades.get(0).atMs()).isEqualTo(1_693_018_800_000L);
    }

    @Test
    void aggTradesAndBookTickersAreRead() {
        List<MarketTrade> agg = all(BinanceDataFile.open(text("""
                agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker
                1,61590.3,0.005,10,11,1723161255030,true
                """), BinanceDataFile.Kind.AGG_TRADES, "agg"));
        assertThat(agg).containsExactly(new MarketTrade(1_723_161_255_030L, new BigDecimal("61590.3"),
                new BigDecimal("0.005")));

        List<MarketTrade> book = all(BinanceDataFile.open(text("""
                1,100.0,1,100.2,2,1700000000000,1700000000001
                """), BinanceDataFile.Kind.BOOK_TICKER, "book"));
        assertThat(book.get(0).price()).isEqualByComparingTo("100.1");
        assertThat(book.get(0).qty()).isNull();
    }

    @Test
    void aMalformedLineIsNamed() {
        BinanceDataFile file = BinanceDataFile.open(text("1,100,101,99,x,5\n"), BinanceDataFile.Kind.KLINES, "bad.csv");

        assertThatThrownBy(file::hasNext).isInstanceOf(MalformedDataException.class).hasMessageContaining("bad.csv line 1");
    }
}
