package io.gridbot.exchange.bybit.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.fault.ExchangeErrorKind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bybit's retCodes and HTTP statuses become the taxonomy's kinds as docs/bybit.md tabulates them; on a create, the
 * codes and statuses that leave the outcome open are {@code TIMEOUT_UNKNOWN}, on a read they are not (issue 18).
 */
class BybitErrorsTest {

    @ParameterizedTest(name = "{0} on a read is {1}, on a create {2}")
    @CsvSource({
            "10000, EXCHANGE_UNAVAILABLE, TIMEOUT_UNKNOWN",
            "10016, EXCHANGE_UNAVAILABLE, TIMEOUT_UNKNOWN",
            "10001, OTHER, OTHER",
            "10002, AUTHENTICATION, AUTHENTICATION",
            "10003, AUTHENTICATION, AUTHENTICATION",
            "10004, AUTHENTICATION, AUTHENTICATION",
            "10005, AUTHENTICATION, AUTHENTICATION",
            "10006, RATE_LIMITED, RATE_LIMITED",
            "10010, AUTHENTICATION, AUTHENTICATION",
            "10018, RATE_LIMITED, RATE_LIMITED",
            "110001, UNKNOWN_ORDER, UNKNOWN_ORDER",
            "110007, INSUFFICIENT_BALANCE, INSUFFICIENT_BALANCE",
            "110009, MAX_OPEN_ORDERS, MAX_OPEN_ORDERS",
            "110017, REDUCE_ONLY_REJECTED, REDUCE_ONLY_REJECTED",
            "110020, MAX_OPEN_ORDERS, MAX_OPEN_ORDERS",
            "110025, OTHER, OTHER",
            "110072, DUPLICATE_CLIENT_ID, DUPLICATE_CLIENT_ID",
            "110094, MIN_NOTIONAL, MIN_NOTIONAL",
            "999999, OTHER, OTHER"})
    void aRetCodeMapsToItsKind(int code, ExchangeErrorKind read, ExchangeErrorKind create) {
        assertThat(BybitErrors.kindOf(false, 200, code)).isEqualTo(read);
        assertThat(BybitErrors.kindOf(true, 200, code)).isEqualTo(create);
    }

    @ParameterizedTest(name = "HTTP {0} without a body on a read is {1}, on a create {2}")
    @CsvSource({
            "401, AUTHENTICATION, AUTHENTICATION",
            "403, RATE_LIMITED, RATE_LIMITED",
            "429, RATE_LIMITED, RATE_LIMITED",
            "404, EXCHANGE_UNAVAILABLE, EXCHANGE_UNAVAILABLE",
            "500, EXCHANGE_UNAVAILABLE, TIMEOUT_UNKNOWN",
            "502, EXCHANGE_UNAVAILABLE, TIMEOUT_UNKNOWN",
            "504, EXCHANGE_UNAVAILABLE, TIMEOUT_UNKNOWN"})
    void aStatusWithoutACodeMapsToItsKind(int status, ExchangeErrorKind read, ExchangeErrorKind create) {
        assertThat(BybitErrors.kindOf(false, status, null)).isEqualTo(read);
        assertThat(BybitErrors.kindOf(true, status, null)).isEqualTo(create);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"timeout", "reset", "refused"})
    void aBrokenCallIsUnknownOnlyWhenItMayHaveReachedTheVenueWithACreate(String what) {
        IOException e = switch (what) {
            case "timeout" -> new InterruptedIOException("timeout");
            case "reset" -> new IOException("connection reset");
            default -> new ConnectException("refused");
        };
        ExchangeErrorKind onCreate = BybitErrors.transport(Endpoint.CREATE, e).kind();
        assertThat(onCreate).isEqualTo(what.equals("refused") ? ExchangeErrorKind.NETWORK : ExchangeErrorKind.TIMEOUT_UNKNOWN);
        assertThat(BybitErrors.transport(Endpoint.REALTIME, e).kind()).isEqualTo(ExchangeErrorKind.NETWORK);
    }
}
