package io.gridbot.exchange.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.rest.BinanceErrorCode;
import io.gridbot.exchange.binance.rest.Endpoint;
import io.gridbot.exchange.binance.wire.BinanceSymbolRules;
import io.gridbot.exchange.binance.wire.ExchangeInfo;
import io.gridbot.exchange.binance.wire.WireJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The symbols Binance lists and their filters, from the public {@code exchangeInfo}, and a symbol's last price
 * ({@code ticker/price}): no key, nothing signed, so a configuration can be checked against the venue before any
 * credentials exist.
 */
public final class BinanceListing {

    private final ExchangeInfo info;

    private BinanceListing(ExchangeInfo info) {
        this.info = info;
    }

    /**
     * Reads the listing.
     *
     * @param restUrl the REST base, e.g. {@link BinanceHosts#PRODUCTION}'s
     * @param timeout how long connecting and the answer may take together
     * @throws ExchangeException of kind NETWORK when the venue cannot be reached or answers with anything but
     *                           an exchangeInfo
     */
    public static BinanceListing fetch(String restUrl, Duration timeout) throws ExchangeException {
        HttpResponse<String> answer = get(restUrl, Endpoint.EXCHANGE_INFO.path(), "exchangeInfo", timeout);
        if (answer.statusCode() != 200) {
            throw new ExchangeException(ExchangeErrorKind.NETWORK, null, "exchangeInfo answered HTTP " + answer.statusCode());
        }
        try {
            return new BinanceListing(WireJson.mapper().readValue(answer.body(), ExchangeInfo.class));
        } catch (JsonProcessingException e) {
            throw new ExchangeException(ExchangeErrorKind.NETWORK, null, "exchangeInfo was unreadable");
        }
    }

    /**
     * The symbol's last traded price, from the public {@code ticker/price}.
     *
     * @return empty when Binance lists no such symbol (it answers HTTP 400, -1121 Invalid symbol)
     * @throws ExchangeException of kind NETWORK when the venue cannot be reached or answers with anything else
     */
    public static Optional<BigDecimal> lastPrice(String restUrl, String symbol, Duration timeout)
            throws ExchangeException {
        HttpResponse<String> answer = get(restUrl, Endpoint.TICKER_PRICE.path() + "?symbol="
                + URLEncoder.encode(symbol, StandardCharsets.UTF_8), "ticker/price", timeout);
        try {
            JsonNode body = WireJson.mapper().readTree(answer.body());
            if (answer.statusCode() == 400 && body.path("code").asInt() == BinanceErrorCode.BAD_SYMBOL.code()) {
                return Optional.empty();
            }
            JsonNode price = body.path("price");
            if (answer.statusCode() != 200 || !price.isTextual()) {
                throw new ExchangeException(ExchangeErrorKind.NETWORK, null, "ticker/price answered HTTP "
                        + answer.statusCode() + " without a price");
            }
            return Optional.of(new BigDecimal(price.asText()));
        } catch (JsonProcessingException | NumberFormatException e) {
            throw new ExchangeException(ExchangeErrorKind.NETWORK, null, "ticker/price was unreadable");
        }
    }

    /** A public GET, unsigned; {@code name} says what was read when it could not be. */
    private static HttpResponse<String> get(String restUrl, String pathAndQuery, String name, Duration timeout)
            throws ExchangeException {
        String base = restUrl.endsWith("/") ? restUrl.substring(0, restUrl.length() - 1) : restUrl;
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | IllegalArgumentException e) {
            throw new ExchangeException(ExchangeErrorKind.NETWORK, null,
                    name + " could not be read: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeException(ExchangeErrorKind.NETWORK, null, "interrupted while reading " + name);
        }
    }

    /** The filters of one symbol, if it is listed. */
    public Optional<BinanceSymbolRules> rules(String symbol) {
        return info.rules(symbol);
    }

    /** Every listed symbol. */
    public List<String> symbols() {
        return info.symbols().stream().map(ExchangeInfo.SymbolEntry::symbol).toList();
    }

    /** The symbols the adapter can trade ({@link ExchangeInfo.SymbolEntry#tradable()}), in alphabetical order. */
    public List<String> tradableSymbols() {
        return info.symbols().stream().filter(ExchangeInfo.SymbolEntry::tradable).map(ExchangeInfo.SymbolEntry::symbol)
                .sorted().toList();
    }
}
