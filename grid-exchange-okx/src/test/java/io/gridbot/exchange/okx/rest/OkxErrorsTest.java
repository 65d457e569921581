package io.gridbot.exchange.okx.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OKX's codes in the taxonomy, and the rule that a create without a clear answer has an unknown outcome. */
class OkxErrorsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "51008, INSUFFICIENT_BALANCE", "51008_1001, INSUFFICIENT_BALANCE", "51131, INSUFFICIENT_BALANCE",
        "51121, PRECISION", "51020, PRECISION", "51150, PRECISION", "51007, PRECISION",
        "51016, DUPLICATE_CLIENT_ID", "51065, DUPLICATE_CLIENT_ID",
        "51400, UNKNOWN_ORDER", "51401, UNKNOWN_ORDER", "51402, UNKNOWN_ORDER", "51603, UNKNOWN_ORDER",
        "51169, REDUCE_ONLY_REJECTED", "51170, REDUCE_ONLY_REJECTED", "51112, REDUCE_ONLY_REJECTED",
        "50011, RATE_LIMITED", "50061, RATE_LIMITED",
        "51102, MAX_OPEN_ORDERS", "51025, MAX_OPEN_ORDERS",
        "50101, AUTHENTICATION", "50102, AUTHENTICATION", "50105, AUTHENTICATION", "50111, AUTHENTICATION",
        "50113, AUTHENTICATION", "50110, AUTHENTICATION",
        "50001, EXCHANGE_UNAVAILABLE", "50013, EXCHANGE_UNAVAILABLE", "50026, EXCHANGE_UNAVAILABLE",
        "51000, OTHER", "51001, OTHER", "59000, OTHER", "51088, OTHER", "99999, OTHER"
    })
    void aReadOrCancelRefusedWithACodeHasItsKind(String code, ExchangeErrorKind kind) {
        assertThat(OkxErrors.kindOf(false, 200, code)).isEqualTo(kind);
        assertThat(OkxErrors.item(Endpoint.CANCEL_ORDER, code, "m").kind()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} on a create")
    @CsvSource({"50004", "51149", "50026", "51054"})
    void aCreateAnsweredWithANoOutcomeCodeMayHavePlacedTheOrder(String code) {
        assertThat(OkxErrors.kindOf(true, 200, code)).isEqualTo(ExchangeErrorKind.TIMEOUT_UNKNOWN);
        assertThat(OkxErrors.item(Endpoint.PLACE_ORDER, code, "m").kind()).isEqualTo(ExchangeErrorKind.TIMEOUT_UNKNOWN);
        assertThat(OkxErrors.item(Endpoint.PLACE_ALGO, code, "m").kind()).isEqualTo(ExchangeErrorKind.TIMEOUT_UNKNOWN);
    }

    @Test
    void aCreateAnsweredByAGatewayWithoutACodeHasAnUnknownOutcome() {
        for (int status : new int[] {500, 502, 503, 504}) {
            OkxErrors.Refusal r = OkxErrors.answer(Endpoint.PLACE_ORDER, status, null, null);
            assertThat(r.error().kind()).as("HTTP %d", status).isEqualTo(ExchangeErrorKind.TIMEOUT_UNKNOWN);
            assertThat(r.error().venueCode()).isEqualTo("HTTP " + status);
            assertThat(OkxErrors.answer(Endpoint.ORDERS_PENDING, status, null, null).error().kind())
                    .isEqualTo(ExchangeErrorKind.EXCHANGE_UNAVAILABLE);
        }
    }

    @Test
    void aBusyVenueRefusesDefinitely() {
        assertThat(OkxErrors.kindOf(true, 429, "50013")).isEqualTo(ExchangeErrorKind.EXCHANGE_UNAVAILABLE);
    }

    @Test
    void rateRefusalsSayWhatToHoldBack() {
        OkxErrors.Refusal endpoint = OkxErrors.answer(Endpoint.PLACE_ORDER, 429, "50011", "Too Many Requests");
        assertThat(endpoint.hold()).isEqualTo(OkxErrors.Hold.ENDPOINT);
        assertThat(endpoint.error().retryAfterMs()).isEqualTo(2_000);
        assertThat(OkxErrors.answer(Endpoint.PLACE_ORDER, 200, "50061", "m").hold()).isEqualTo(OkxErrors.Hold.NEW_ORDERS);
        assertThat(OkxErrors.answer(Endpoint.BALANCE, 429, null, null).hold()).isEqualTo(OkxErrors.Hold.ENDPOINT);
        assertThat(OkxErrors.answer(Endpoint.BALANCE, 401, "50113", "Invalid signature.").hold()).isEqualTo(OkxErrors.Hold.NONE);
    }

    @Test
    void theVenuesCodeAndMessageAreKept() {
        ExchangeException e = OkxErrors.answer(Endpoint.PLACE_ORDER, 401, "50105",
                "Request header \"OK-ACCESS-PASSPHRASE\" incorrect.").error();
        assertThat(e.venueCode()).isEqualTo("50105");
        assertThat(e.venueMessage()).isEqualTo("Request header \"OK-ACCESS-PASSPHRASE\" incorrect.");
    }

    @Test
    void aTimeoutAfterACreateLeftIsUnknownAndARefusedConnectionIsNot() {
        IOException timeout = new InterruptedIOException("timeout");
        assertThat(OkxErrors.transport(Endpoint.PLACE_ORDER, timeout).kind()).isEqualTo(ExchangeErrorKind.TIMEOUT_UNKNOWN);
        assertThat(OkxErrors.transport(Endpoint.BATCH_ORDERS, new IOException("reset")).kind())
                .isEqualTo(ExchangeErrorKind.TIMEOUT_UNKNOWN);
        assertThat(OkxErrors.transport(Endpoint.PLACE_ORDER, new ConnectException("refused")).kind())
                .isEqualTo(ExchangeErrorKind.NETWORK);
        assertThat(OkxErrors.transport(Endpoint.CANCEL_ORDER, timeout).kind()).isEqualTo(ExchangeErrorKind.NETWORK);
    }
}
