package io.gridbot.exchange.binance.data;

import io.gridbot.exchange.replay.MarketTrade;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * 1-minute klines, official (12 columns, epoch-millisecond times) or simplified (6 columns,
 * {@code yyyy-MM-dd HH:mm:ss} UTC). A candle must be a candle: every price above zero, open and close within
 * low and high, a volume of zero or more, and an open time after the previous candle's. Each becomes four
 * trades 15 s apart: open, the extreme met first (the low for a rising candle, the high for a falling one), the
 * other extreme, and the close, each with a quarter of the volume.
 */
final class KlineRows extends CsvRows {

    private static final DateTimeFormatter SIMPLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    private long previousOpen = Long.MIN_VALUE;
    private String previousOpenText;

    KlineRows() {
        super("klines", 6, 12);
    }

    @Override
    void row(String[] f, Consumer<MarketTrade> out) {
        String openText = f[0].trim();
        long openTime = openTime(openText);
        if (openTime <= previousOpen) {
            throw new BadLine("open_time " + openText + " is not after the previous row's " + previousOpenText);
        }
        BigDecimal open = price(f, 1, "open");
        BigDecimal high = price(f, 2, "high");
        BigDecimal low = price(f, 3, "low");
        BigDecimal close = price(f, 4, "close");
        if (high.compareTo(low) < 0) {
            throw new BadLine("high " + f[2].trim() + " is below low " + f[3].trim());
        }
        within(open, "open", low, high, f, 1);
        within(close, "close", low, high, f, 4);
        BigDecimal quarter = quantity(f, 5, "volume").divide(FOUR);
        previousOpen = openTime;
        previousOpenText = openText;
        boolean rising = close.compareTo(open) >= 0;
        out.accept(new MarketTrade(openTime, open, quarter));
        out.accept(new MarketTrade(openTime + 15_000, rising ? low : high, quarter));
        out.accept(new MarketTrade(openTime + 30_000, rising ? high : low, quarter));
        out.accept(new MarketTrade(openTime + 45_000, close, quarter));
    }

    /**
     * A well-formed {@code yyyy-MM-dd HH:mm:ss} read by hand, {@link Long#MIN_VALUE} for anything else: the
     * formatter decides those. A year of candles is half a million of them, read twice (check, then replay).
     */
    private static long simpleTime(String t) {
        if (t.length() != 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != ' ' || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return Long.MIN_VALUE;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC) * 1000;
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void within(BigDecimal price, String name, BigDecimal low, BigDecimal high, String[] f, int index) {
        if (price.compareTo(low) < 0) {
            throw new BadLine(name + " " + f[index].trim() + " is below low " + f[3].trim());
        }
        if (price.compareTo(high) > 0) {
            throw new BadLine(name + " " + f[index].trim() + " is above high " + f[2].trim());
        }
    }

    static long openTime(String text) {
        if (text.indexOf('-') > 0) {
            long quick = simpleTime(text);
            if (quick != Long.MIN_VALUE) {
                return quick;
            }
            try {
                return LocalDateTime.parse(text, SIMPLE_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new BadLine("open_time '" + BadLine.excerpt(text) + "' is not a time (yyyy-MM-dd HH:mm:ss)");
            }
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BadLine("open_time '" + BadLine.excerpt(text) + "' is not a time in epoch milliseconds");
        }
    }
}
