package io.gridbot.exchange.binance.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.exchange.replay.FundingRate;
import io.gridbot.exchange.replay.FundingSchedule;
import io.gridbot.exchange.replay.MalformedDataException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Issue 15: funding-rate files in both of Binance's layouts, and one clear line for a bad one. */
class BinanceFundingFileTest {

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static FundingSchedule read(String s) {
        return BinanceFundingFile.read(text(s), "f.csv");
    }

    @Test
    void theRecordedBtcUsdtSeriesInTheSimpleLayoutIsReadWhole() {
        FundingSchedule s = BinanceFundingFile.read(getClass().getResourceAsStream("funding_binance_BTCUSDT.csv"),
                "funding_binance_BTCUSDT.csv");

        assertThat(s.rates()).hasSize(540);
        assertThat(s.rates().get(0)).isEqualTo(new FundingRate(1_765_555_200_002L, new BigDecimal("3.383e-05")));
        assertThat(s.rates().get(539).rate()).isEqualByComparingTo("-0.00003385");
        assertThat(s.span()).isEqualTo("2025-12-12 16:00 to 2026-06-10 08:00 UTC");
        assertThat(s.source()).isEqualTo("funding_binance_BTCUSDT.csv");
    }

    @Test
    void binancesDownloadLayoutIsReadByItsHeader() {
        FundingSchedule s = read("calc_time,funding_interval_hours,last_funding_rate\n"
                + "1690848000000,8,0.00010000\n1690876800000,8,-0.00002500\n");

        assertThat(s.rates()).containsExactly(new FundingRate(1_690_848_000_000L, new BigDecimal("0.00010000")),
                new FundingRate(1_690_876_800_000L, new BigDecimal("-0.00002500")));
    }

    @Test
    void aGzipCompressedFileIsReadAsWell() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("ts,rate\n1690848000000,0.0001\n".getBytes(StandardCharsets.US_ASCII));
        }

        FundingSchedule s = BinanceFundingFile.read(new ByteArrayInputStream(bytes.toByteArray()), "f.csv.gz");

        assertThat(s.rates()).hasSize(1);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "ts,rate\\n1690848000000,0.0001,7\\n | f.csv row 2: expected 2 fields (ts,rate), found 3: '1690848000000,0.0001,7'",
            "ts,rate\\nsoon,0.0001\\n | f.csv row 2: ts 'soon' is not a time in epoch milliseconds",
            "ts,rate\\n1690848000,0.0001\\n | f.csv row 2: ts 1690848000 is before 2000 in epoch milliseconds: a time in seconds?",
            "ts,rate\\n1690848000000,0.0001\\n1690848000000,0.0002\\n | f.csv row 3: time 1690848000000 (2023-08-01T00:00:00Z) is not after the row before's 1690848000000 (2023-08-01T00:00:00Z)",
            "ts,rate\\n1690848000000,high\\n | f.csv row 2: rate 'high' is not a number",
            "ts,rate\\n1690848000000,1.5\\n | f.csv row 2: rate 1.5 is not a fraction of the position (0.0001 is 0.01 %)",
            "calc_time,funding_interval_hours,last_funding_rate\\n1690848000000,0,0.0001\\n | f.csv row 2: funding_interval_hours '0' is not a whole number of hours from 1",
            "time,funding\\n1690848000000,0.0001\\n | f.csv row 1: unknown header 'time,funding': expected 'calc_time,funding_interval_hours,last_funding_rate' (Binance's download) or 'ts,rate'",
            "ts,rate\\n | f.csv: no funding rows after the header",
            "'' | f.csv: the file is empty: expected the header 'calc_time,funding_interval_hours,last_funding_rate' or 'ts,rate'",
            "\\u0000\\u0001PK\\u0003\\n | f.csv: not a text CSV file of funding rates"})
    void aBadFileIsRefusedWithItsRowAndProblem(String content, String message) {
        String file = content.replace("\\n", "\n").replace("\\u0000", "\u0000").replace("\\u0001", "\u0001")
                .replace("\\u0003", "\u0003");

        assertThatThrownBy(() -> read(file)).isInstanceOf(MalformedDataException.class).hasMessage(message.trim());
    }

    @Test
    void aTruncatedGzipFileIsBadInputNotACrash() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("ts,rate\n1690848000000,0.0001\n1690876800000,0.0001\n".getBytes(StandardCharsets.US_ASCII));
        }
        byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() - 12);

        assertThatThrownBy(() -> BinanceFundingFile.read(new ByteArrayInputStream(cut), "f.csv.gz"))
                .isInstanceOf(MalformedDataException.class).hasMessageStartingWith("f.csv.gz: cannot read it: ");
    }
}
