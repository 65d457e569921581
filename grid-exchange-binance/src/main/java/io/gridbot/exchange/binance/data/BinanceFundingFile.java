package io.gridbot.exchange.binance.data;

import io.gridbot.exchange.replay.FundingRate;
import io.gridbot.exchange.replay.FundingSchedule;
import io.gridbot.exchange.replay.MalformedDataException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A Binance USDⓈ-M funding-rate history as a {@link FundingSchedule}, plain or gzip-compressed (detected from
 * the bytes). The header row decides the layout:
 * <ul>
 *   <li>{@code calc_time,funding_interval_hours,last_funding_rate}: Binance's own download
 *   (data.binance.vision {@code fundingRate} files), the funding time in epoch milliseconds;</li>
 *   <li>{@code ts,rate}: the funding time in epoch milliseconds and the rate, as collected from
 *   {@code GET /fapi/v1/fundingRate}.</li>
 * </ul>
 * Rates are fractions (0.0001 is 0.01 %). The whole file is checked: a row that is not a funding row (a
 * field missing or not a number, a time not in epoch milliseconds or not after the row before, a rate that is
 * no fraction) stops it with a {@link MalformedDataException} naming the file, the row (the header is row
 * 1) and the problem; nothing half-read is returned.
 */
public final class BinanceFundingFile {

    /** Binance's download layout. */
    static final String DOWNLOAD_HEADER = "calc_time,funding_interval_hours,last_funding_rate";
    /** The simple layout. */
    static final String SIMPLE_HEADER = "ts,rate";
    /** 2000-01-01 in epoch milliseconds: anything earlier is a time in seconds, or no time. */
    private static final long EARLIEST_MS = 946_684_800_000L;

    private final String name;
    private long row;

    private BinanceFundingFile(String name) {
        this.name = name;
    }

    /** Reads the whole file; {@code name} appears in error messages and as the schedule's source. */
    public static FundingSchedule read(InputStream in, String name) {
        try (BufferedReader reader = reader(in)) {
            return new BinanceFundingFile(name).read(reader);
        } catch (IOException e) {
            // A truncated or corrupt gzip file ends up here: bad input, not a failure of the program.
            throw new MalformedDataException(name + ": cannot read it: " + e.getMessage(), e);
        }
    }

    private static BufferedReader reader(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        InputStream source = (b1 == 0x1f && b2 == 0x8b) ? new GZIPInputStream(buffered) : buffered;
        return new BufferedReader(new InputStreamReader(source, StandardCharsets.ISO_8859_1));
    }

    private FundingSchedule read(BufferedReader reader) throws IOException {
        String header = reader.readLine();
        row = 1;
        if (header == null || header.isBlank()) {
            throw problem("the file is empty: expected the header '" + DOWNLOAD_HEADER + "' or '" + SIMPLE_HEADER + "'",
                    false);
        }
        if (!header.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\t')) {
            throw problem("not a text CSV file of funding rates", false);
        }
        String layout = header.replace(" ", "").replace("\"", "").toLowerCase();
        boolean download = layout.equals(DOWNLOAD_HEADER);
        if (!download && !layout.equals(SIMPLE_HEADER)) {
            throw problem("unknown header '" + header + "': expected '" + DOWNLOAD_HEADER + "' (Binance's download) or '"
                    + SIMPLE_HEADER + "'", true);
        }
        List<FundingRate> rates = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            row++;
            if (line.isBlank()) {
                continue;
            }
            FundingRate rate = download ? downloadRow(line) : simpleRow(line);
            if (!rates.isEmpty() && rate.atMs() <= rates.get(rates.size() - 1).atMs()) {
                long before = rates.get(rates.size() - 1).atMs();
                throw problem("time " + rate.atMs() + " (" + Instant.ofEpochMilli(rate.atMs()) + ") is not after the row "
                        + "before's " + before + " (" + Instant.ofEpochMilli(before) + ")", true);
            }
            rates.add(rate);
        }
        if (rates.isEmpty()) {
            throw problem("no funding rows after the header", false);
        }
        return FundingSchedule.of(name, rates);
    }

    private FundingRate downloadRow(String line) {
        String[] f = fields(line, 3, DOWNLOAD_HEADER);
        long at = time(f[0], "calc_time");
        try {
            if (Integer.parseInt(f[1].trim()) < 1) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw problem("funding_interval_hours '" + f[1] + "' is not a whole number of hours from 1", true);
        }
        return new FundingRate(at, rate(f[2], "last_funding_rate"));
    }

    private FundingRate simpleRow(String line) {
        String[] f = fields(line, 2, SIMPLE_HEADER);
        return new FundingRate(time(f[0], "ts"), rate(f[1], "rate"));
    }

    private String[] fields(String line, int count, String layout) {
        String[] f = line.split(",", -1);
        if (f.length != count) {
            throw problem("expected " + count + " fields (" + layout + "), found " + f.length + ": '" + line + "'", true);
        }
        return f;
    }

    private long time(String field, String column) {
        long at;
        try {
            at = Long.parseLong(field.trim());
        } catch (NumberFormatException e) {
            throw problem(column + " '" + field + "' is not a time in epoch milliseconds", true);
        }
        if (at < EARLIEST_MS) {
            throw problem(column + " " + at + " is before 2000 in epoch milliseconds: a time in seconds?", true);
        }
        return at;
    }

    private BigDecimal rate(String field, String column) {
        BigDecimal rate;
        try {
            rate = new BigDecimal(field.trim());
        } catch (NumberFormatException e) {
            throw problem(column + " '" + field + "' is not a number", true);
        }
        if (rate.abs().compareTo(BigDecimal.ONE) >= 0) {
            throw problem(column + " " + field.trim() + " is not a fraction of the position (0.0001 is 0.01 %)", true);
        }
        return rate;
    }

    private MalformedDataException problem(String what, boolean atRow) {
        return new MalformedDataException(name + (atRow ? " row " + row : "") + ": " + what);
    }
}
