package io.gridbot.exchange.binance.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.exchange.binance.data.BinanceDataFile.Kind;
import io.gridbot.exchange.replay.MalformedDataException;
import io.gridbot.exchange.replay.MarketTrade;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: every check on a Binance data file, each rejecting the file with one line that names it, the row
 * and the problem. {@link #problem} reads the whole file, so a message here is what a replay's first pass says.
 */
class DataFileChecksTest {

    private static final String KLINE_HEADER = "open_time,open,high,low,close,volume\n";

    private static String problem(byte[] file, Kind kind, String name) {
        try {
            BinanceDataFile.check(new ByteArrayInputStream(file), kind, name, null);
        } catch (MalformedDataException e) {
            return e.getMessage();
        }
        throw new AssertionError(name + " passed its checks");
    }

    private static String problem(String file, Kind kind, String name) {
        return problem(file.getBytes(StandardCharsets.US_ASCII), kind, name);
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] linkKlines() throws IOException {
        try (InputStream in = DataFileChecksTest.class.getResourceAsStream("LINKUSDT-1m-2023-02-first3000.csv.gz")) {
            return in.readAllBytes();
        }
    }

    @Test
    void aKlineWhoseHighIsBelowItsLowIsRejectedWithItsRow() {
        assertThat(problem(KLINE_HEADER + "1700000000000,25015,25030,25010,25015,1\n"
                + "1700000060000,25015,25010.5,25020,25015,1\n", Kind.KLINES, "prices.csv.gz"))
                .isEqualTo("prices.csv.gz: row 3: high 25010.5 is below low 25020");
    }

    @Test
    void aKlineWhoseOpenOrCloseIsOutsideItsLowAndHighIsRejected() {
        assertThat(problem("2023-08-26 03:00:00,26100,26078.79,26076.0,26077,6.08\n", Kind.KLINES, "spot.csv"))
                .isEqualTo("spot.csv: row 1: open 26100 is above high 26078.79");
        assertThat(problem("1700000000000,100,101,99,98.5,4\n", Kind.KLINES, "k.csv"))
                .isEqualTo("k.csv: row 1: close 98.5 is below low 99");
    }

    @Test
    void aPriceOfZeroOrLessIsRejectedInEveryKind() {
        assertThat(problem("1700000000000,100,101,0,100,4\n", Kind.KLINES, "k.csv"))
                .isEqualTo("k.csv: row 1: low 0 is not above zero");
        assertThat(problem("1,-5,1,10,10,1700000000000,true\n", Kind.AGG_TRADES, "a.csv"))
                .isEqualTo("a.csv: row 1: price -5 is not above zero");
        assertThat(problem("1,0.0,1,100.2,2,1700000000000,1700000000001\n", Kind.BOOK_TICKER, "b.csv"))
                .isEqualTo("b.csv: row 1: best_bid_price 0.0 is not above zero");
    }

    @Test
    void aNegativeQuantityIsRejectedInEveryKindAndZeroIsAllowed() {
        assertThat(problem("1700000000000,100,101,99,100,0\n1700000060000,100,101,99,100,-1\n", Kind.KLINES, "k.csv"))
                .isEqualTo("k.csv: row 2: volume -1 is negative");
        assertThat(problem("1,100,-0.1,10,10,1700000000000,true\n", Kind.AGG_TRADES, "a.csv"))
                .isEqualTo("a.csv: row 1: quantity -0.1 is negative");
        assertThat(problem("1,100.0,1,100.2,-2,1700000000000,1700000000001\n", Kind.BOOK_TICKER, "b.csv"))
                .isEqualTo("b.csv: row 1: best_ask_qty -2 is negative");
    }

    @Test
    void aKlineWhoseOpenTimeIsNotAfterThePreviousOneIsRejected() {
        assertThat(problem("1700000000000,100,101,99,100,1\n1700000060000,100,101,99,100,1\n"
                + "1700000060000,100,101,99,100,1\n", Kind.KLINES, "k.csv"))
                .isEqualTo("k.csv: row 3: open_time 1700000060000 is not after the previous row's 1700000060000");
        assertThat(problem("timestamp,open,high,low,close,volume\n2023-08-26 03:01:00,1,1,1,1,1\n"
                + "2023-08-26 03:00:00,1,1,1,1,1\n", Kind.KLINES, "spot.csv"))
                .isEqualTo("spot.csv: row 3: open_time 2023-08-26 03:00:00 is not after the previous row's 2023-08-26 03:01:00");
    }

    @Test
    void anAggTradeOrBookTickerTimeMayRepeatButNotGoBack() {
        String agg = "1,100,1,10,10,1700000000005,true\n2,100,1,11,11,1700000000005,true\n";
        assertThat(BinanceDataFile.check(new ByteArrayInputStream(agg.getBytes(StandardCharsets.US_ASCII)),
                Kind.AGG_TRADES, "a.csv", null).trades()).isEqualTo(2);
        assertThat(problem(agg + "3,100,1,12,12,1700000000004,true\n", Kind.AGG_TRADES, "a.csv"))
                .isEqualTo("a.csv: row 3: transact_time 1700000000004 is before the previous row's 1700000000005");
        assertThat(problem("1,100.0,1,100.2,2,1700000000001,1700000000001\n1,100.0,1,100.2,2,1700000000000,1700000000002\n",
                Kind.BOOK_TICKER, "b.csv"))
                .isEqualTo("b.csv: row 2: transaction_time 1700000000000 is before the previous row's 1700000000001");
    }

    @Test
    void aHeaderIsAllowedOnlyAsTheFirstRow() {
        assertThat(problem("1700000000000,100,101,99,100,1\n" + KLINE_HEADER + "1700000060000,100,101,99,100,1\n",
                Kind.KLINES, "k.csv"))
                .isEqualTo("k.csv: row 2: 'open_time,open,high,low,close,volume' is not a row of numbers "
                        + "(a header may only be the first row)");
    }

    @Test
    void aRowWithTheWrongNumberOfColumnsIsRejected() {
        assertThat(problem(KLINE_HEADER + "1700000000000,100,101,99,100\n", Kind.KLINES, "k.csv"))
                .isEqualTo("k.csv: row 2: 5 columns where the header has 6");
        assertThat(problem("1700000000000,100,101,99,100,1\n1700000060000,100,101,99,100,1,7\n", Kind.KLINES, "k.csv"))
                .isEqualTo("k.csv: row 2: 7 columns where the first row has 6");
        assertThat(problem("agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker\n",
                Kind.KLINES, "agg.csv")).isEqualTo("agg.csv: row 1: the header has 7 columns; klines rows have 6 or 12");
        assertThat(problem("1,100,1\n", Kind.BOOK_TICKER, "b.csv"))
                .isEqualTo("b.csv: row 1: 3 columns; bookTicker rows have 7");
    }

    @Test
    void aNumberThatDoesNotParseIsRejected() {
        assertThat(problem("1700000000000,100,101,99,x,5\n", Kind.KLINES, "bad.csv"))
                .isEqualTo("bad.csv: row 1: close 'x' is not a number");
        assertThat(problem("1700000000000,100,,99,100,5\n", Kind.KLINES, "bad.csv"))
                .isEqualTo("bad.csv: row 1: high is empty");
        assertThat(problem("1,100,1,10,10,17000000000.5,true\n", Kind.AGG_TRADES, "a.csv"))
                .isEqualTo("a.csv: row 1: transact_time '17000000000.5' is not a time in epoch milliseconds");
        assertThat(problem("1,100,1,10,10,1700000000000,yes\n", Kind.AGG_TRADES, "a.csv"))
                .isEqualTo("a.csv: row 1: is_buyer_maker 'yes' is neither true nor false");
        assertThat(problem("2023-08-26 25:00:00,1,1,1,1,1\n", Kind.KLINES, "spot.csv"))
                .isEqualTo("spot.csv: row 1: open_time '2023-08-26 25:00:00' is not a time (yyyy-MM-dd HH:mm:ss)");
    }

    @Test
    void anEmptyFileOrOneOfBlankLinesHasNoDataRows() {
        assertThat(problem("", Kind.KLINES, "prices.csv")).isEqualTo("prices.csv: no data rows");
        assertThat(problem("\n\n  \n", Kind.AGG_TRADES, "prices.csv")).isEqualTo("prices.csv: no data rows");
        assertThat(problem(gzip(new byte[0]), Kind.KLINES, "prices.csv.gz")).isEqualTo("prices.csv.gz: no data rows");
    }

    @Test
    void aHeaderOnlyFileHasNoDataRows() {
        assertThat(problem(KLINE_HEADER, Kind.KLINES, "prices.csv")).isEqualTo("prices.csv: no data rows");
    }

    @Test
    void aTruncatedGzipStreamIsRejectedAfterTheLastRowItGave() throws IOException {
        byte[] whole = linkKlines();

        String message = problem(Arrays.copyOf(whole, whole.length / 2), Kind.KLINES, "prices.csv.gz");

        assertThat(message).matches("prices\\.csv\\.gz: truncated gzip stream after row \\d+");
        long row = Long.parseLong(message.substring(message.lastIndexOf(' ') + 1));
        assertThat(row).isBetween(1_000L, 2_000L); // the header and 3,000 rows, cut in half
        assertThat(problem(Arrays.copyOf(whole, 5), Kind.KLINES, "cut.gz"))
                .isEqualTo("cut.gz: truncated gzip stream before the first row");
    }

    @Test
    void aGzipStreamWhoseChecksumDoesNotMatchIsCorrupt() {
        byte[] file = gzip("1700000000000,100,101,99,100,1\n".getBytes(StandardCharsets.US_ASCII));
        file[file.length - 8] ^= 0x55; // the trailer's CRC-32

        assertThat(problem(file, Kind.KLINES, "prices.csv.gz"))
                .isEqualTo("prices.csv.gz: corrupt gzip stream after row 1 (Corrupt GZIP trailer)");
    }

    @Test
    void aBinaryFileIsRejectedAtItsFirstByteThatIsNotText() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        assertThat(problem(png, Kind.KLINES, "chart.png"))
                .isEqualTo("chart.png: row 1: byte 0x89 at column 1 is not text (a binary file?)");
        assertThat(problem(gzip("1700000000000,100,101,99,100,1\n17000\0".getBytes(StandardCharsets.US_ASCII)),
                Kind.KLINES, "prices.csv.gz"))
                .isEqualTo("prices.csv.gz: row 2: byte 0x00 at column 6 is not text (a binary file?)");
    }

    @Test
    void aZipArchiveIsNamedAsOne() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};

        assertThat(problem(zip, Kind.KLINES, "BTCUSDT-1m-2024-01.zip"))
                .isEqualTo("BTCUSDT-1m-2024-01.zip: a zip archive: unzip it and use the .csv inside");
    }

    @Test
    void aSeriesReadWithoutACheckStopsAtTheBadRowAfterTheGoodOnes() {
        BinanceDataFile file = BinanceDataFile.open(new ByteArrayInputStream(
                "1,100,1,10,10,1700000000000,true\n2,100,1,11,11,1699999999999,true\n".getBytes(StandardCharsets.US_ASCII)),
                Kind.AGG_TRADES, "a.csv");
        List<MarketTrade> read = new ArrayList<>();

        assertThatThrownBy(() -> file.forEachRemaining(read::add)).isInstanceOf(MalformedDataException.class)
                .hasMessage("a.csv: row 2: transact_time 1699999999999 is before the previous row's 1700000000000");
        assertThat(read).hasSize(1);
        assertThat(file.hasNext()).isFalse();
    }
}
