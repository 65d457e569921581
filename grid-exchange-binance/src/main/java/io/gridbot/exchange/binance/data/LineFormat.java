package io.gridbot.exchange.binance.data;

import io.gridbot.exchange.replay.MarketTrade;
import java.util.function.Consumer;

/** How one kind of data file turns its lines into trades, checking each as it goes. */
sealed interface LineFormat permits CsvRows, CaptureLines {

    /**
     * Reads one line, neither blank nor holding anything but text, into zero or more trades.
     *
     * @param number the line's number in the file, from 1
     * @return whether the line was data (a header, or a message that carries no trade, is not)
     * @throws BadLine when the line breaks the format or its checks
     */
    boolean read(String line, long number, Consumer<MarketTrade> out);

    /** What the file's lines are called in messages: "row" or "line". */
    String unit();

    /** Why a file without a single data line cannot be replayed, e.g. "no data rows". */
    String nothingToPlay();
}
