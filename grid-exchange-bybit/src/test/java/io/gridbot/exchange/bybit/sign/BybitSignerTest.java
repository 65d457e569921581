package io.gridbot.exchange.bybit.sign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Bybit's signature over the plain texts of its "Integration Guidance" examples ({@code timestamp + key + recvWindow
 * + payload}, and the WebSocket {@code GET/realtime + expires}), with a secret of our own: the expected hex digests
 * were computed apart from this code, with {@code openssl dgst -sha256 -hmac testSecret123}.
 */
class BybitSignerTest {

    private final BybitSigner signer = new BybitSigner("testSecret123");

    @Test
    void aGetSignsTheQueryStringAfterTimestampKeyAndWindow() {
        assertThat(signer.sign(1658384314791L, "XXXXXXXXXX", 5000, "category=option&symbol=BTC-29JUL22-25000-C"))
                .isEqualTo("9083672c052fbd0bc3a031dbb8e2a23d39e0f348149ce3efb76323c69c9e66ff");
    }

    @Test
    void aPostSignsTheJsonBodyAsSent() {
        assertThat(signer.sign(1658385579423L, "XXXXXXXXXX", 5000, "{\"category\": \"option\"}"))
                .isEqualTo("21ff99944de39929dc197b8c12c3b62551c48aa785d50b79f71a7f3cd5d0e910");
    }

    @Test
    void theSocketAuthSignsGetRealtimeAndTheExpiry() {
        assertThat(signer.signAuth(1662350400000L))
                .isEqualTo("902804b58cec9be80fe26d80a109c6ce6c26d76f319f7382b4ee3011803ab8fa");
    }

    @Test
    void neitherTheSignerNorTheCredentialsPrintTheirSecrets() {
        BybitCredentials credentials = new BybitCredentials("key-123", "secret-456");
        assertThat(credentials.toString()).doesNotContain("key-123").doesNotContain("secret-456");
        assertThat(new BybitSigner("secret-456").toString()).doesNotContain("secret-456");
    }
}
