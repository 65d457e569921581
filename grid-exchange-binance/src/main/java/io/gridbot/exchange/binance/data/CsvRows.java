package io.gridbot.exchange.binance.data;

import io.gridbot.exchange.replay.MarketTrade;
import java.math.BigDecimal;
import java.util.function.Consumer;

/**
 * The rows of one of Binance's CSV files: an optional header, allowed on the first row only (a row starting
 * with a letter anywhere else is an error, not skipped), then rows of numbers, each with as many columns as
 * the first. The kinds check their own fields with the helpers here, which name the column at fault.
 */
abstract sealed class CsvRows implements LineFormat permits KlineRows, AggTradeRows, BookTickerRows {

    private final String kind;
    private final int[] allowedColumns;
    private int columns;
    private boolean header;

    /**
     * @param kind           the kind, as a message names it ("klines")
     * @param allowedColumns the column counts its layouts have
     */
    CsvRows(String kind, int... allowedColumns) {
        this.kind = kind;
        this.allowedColumns = allowedColumns;
    }

    /** Reads one data row's fields, already split and counted. */
    abstract void row(String[] fields, Consumer<MarketTrade> out);

    @Override
    public final boolean read(String line, long number, Consumer<MarketTrade> out) {
        if (Character.isLetter(line.charAt(0))) {
            if (number != 1) {
                throw new BadLine("'" + BadLine.excerpt(line) + "' is not a row of numbers (a header may only be the first row)");
            }
            header = true;
            columns = counted(line.split(",", -1).length, "the header has ");
            return false;
        }
        String[] fields = line.split(",", -1);
        if (columns == 0) {
            columns = counted(fields.length, "");
        } else if (fields.length != columns) {
            throw new BadLine(columns(fields.length) + " where " + (header ? "the header has " : "the first row has ")
                    + columns);
        }
        row(fields, out);
        return true;
    }

    @Override
    public final String unit() {
        return "row";
    }

    @Override
    public final String nothingToPlay() {
        return "no data rows";
    }

    private int counted(int found, String what) {
        for (int allowed : allowedColumns) {
            if (found == allowed) {
                return found;
            }
        }
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < allowedColumns.length; i++) {
            expected.append(i == 0 ? "" : " or ").append(allowedColumns[i]);
        }
        throw new BadLine(what + columns(found) + "; " + kind + " rows have " + expected);
    }

    private static String columns(int n) {
        return n == 1 ? "1 column" : n + " columns";
    }

    /** A decimal column. */
    static BigDecimal decimal(String[] fields, int index, String name) {
        String text = fields[index].trim();
        if (text.isEmpty()) {
            throw new BadLine(name + " is empty");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new BadLine(name + " '" + BadLine.excerpt(text) + "' is not a number");
        }
    }

    /** A price: above zero. */
    static BigDecimal price(String[] fields, int index, String name) {
        BigDecimal value = decimal(fields, index, name);
        if (value.signum() <= 0) {
            throw new BadLine(name + " " + fields[index].trim() + " is not above zero");
        }
        return value;
    }

    /** A quantity: zero or more. */
    static BigDecimal quantity(String[] fields, int index, String name) {
        BigDecimal value = decimal(fields, index, name);
        if (value.signum() < 0) {
            throw new BadLine(name + " " + fields[index].trim() + " is negative");
        }
        return value;
    }

    /** A time in epoch milliseconds. */
    static long epochMs(String[] fields, int index, String name) {
        String text = fields[index].trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BadLine(name + " '" + BadLine.excerpt(text) + "' is not a time in epoch milliseconds");
        }
    }

    /** A time that may repeat the previous row's but not go before it. */
    static long notBefore(long time, long previous, String[] fields, int index, String name) {
        if (time < previous) {
            throw new BadLine(name + " " + fields[index].trim() + " is before the previous row's " + previous);
        }
        return time;
    }
}
