package io.gridbot.exchange.binance.data;

import io.gridbot.exchange.replay.MarketTrade;
import java.math.BigDecimal;
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

    private static void within(BigDecimal price, String name, BigDecimal low, BigDecimal high, String[] f, int index) {
        if (price.compareTo(low) < 0) {
            throw new BadLine(name + " " + f[index].trim() + " is below low " + f[3].trim());
        }
        if (price.compareTo(high) > 0) {
            throw new BadLine(name + " " + f[index].trim() + " is above high " + f[2].trim());
        }
    }

    private static long openTime(String text) {
        if (text.indexOf('-') > 0) {
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
