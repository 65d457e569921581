package io.gridbot.exchange.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.rest.Endpoint;
import io.gridbot.exchange.binance.wire.BinanceSymbolRules;
import io.gridbot.exchange.binance.wire.ExchangeInfo;
import io.gridbot.exchange.binance.wire.WireJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The symbols Binance lists and their filters, from the public {@code exchangeInfo}: no key, nothing signed,
 * so a configuration can be checked against the venue before any credentials exist.
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
        String base = restUrl.endsWith("/") ? restUrl.substring(0, restUrl.length() - 1) : restUrl;
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + Endpoint.EXCHANGE_INFO.path()))
                .timeout(timeout).GET().build();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build()) {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new ExchangeException(ExchangeErrorKind.NETWORK, null,
                        "exchangeInfo answered HTTP " + answer.statusCode());
            }
            return new BinanceListing(WireJson.mapper().readValue(answer.body(), ExchangeInfo.class));
        } catch (JsonProcessingException e) {
            throw new ExchangeException(ExchangeErrorKind.NETWORK, null, "exchangeInfo was unreadable");
        } catch (IOException | IllegalArgumentException e) {
            throw new ExchangeException(ExchangeErrorKind.NETWORK, null,
                    "exchangeInfo could not be read: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeException(ExchangeErrorKind.NETWORK, null, "interrupted while reading exchangeInfo");
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
}
