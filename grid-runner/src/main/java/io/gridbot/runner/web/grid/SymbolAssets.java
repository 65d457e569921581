package io.gridbot.runner.web.grid;

import java.util.List;
import java.util.Locale;

/**
 * The base and quote assets a symbol trades, for the units on the charts' axes: {@code BTCUSDT},
 * {@code BTC-USDT} and {@code BTC/USDT:USDT} are BTC priced in USDT. A symbol whose quote is none of the
 * common ones reads as "base" priced in "quote".
 *
 * @param base  what is bought and sold, the unit of quantities and positions
 * @param quote what prices and money are counted in
 */
record SymbolAssets(String base, String quote) {

    private static final List<String> QUOTES = List.of("USDT", "USDC", "FDUSD", "BUSD", "TUSD", "USD", "EUR", "BTC",
            "ETH", "BNB");

    static SymbolAssets of(String symbol) {
        String s = symbol.toUpperCase(Locale.ROOT);
        int settle = s.indexOf(':');
        if (settle >= 0) {
            s = s.substring(0, settle);
        }
        for (char separator : new char[] {'-', '/', '_'}) {
            int at = s.indexOf(separator);
            if (at > 0 && at < s.length() - 1) {
                String rest = s.substring(at + 1);
                int next = rest.indexOf(separator);
                return new SymbolAssets(s.substring(0, at), next < 0 ? rest : rest.substring(0, next));
            }
        }
        for (String quote : QUOTES) {
            if (s.endsWith(quote) && s.length() > quote.length()) {
                return new SymbolAssets(s.substring(0, s.length() - quote.length()), quote);
            }
        }
        return new SymbolAssets("base", "quote");
    }
}
