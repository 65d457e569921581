package io.gridbot.exchange.okx.sign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The signature OKX documents: Base64 of HMAC-SHA256 over timestamp + method + requestPath + body, with the
 * docs' example secret. The expected values were computed apart, with Python's hmac and base64 modules.
 */
class OkxSignerTest {

    private static final String SECRET = "22582BD0CFF14C41EDBF1AB98506286D";
    private final OkxSigner signer = new OkxSigner(SECRET);

    @Test
    void aGetSignsItsPathWithTheQueryAndNoBody() {
        assertThat(signer.sign("2020-12-08T09:08:57.715Z", "GET", "/api/v5/account/balance?ccy=BTC", ""))
                .isEqualTo("HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY=");
    }

    @Test
    void aPostSignsItsExactJsonBody() {
        String body = "{\"instId\":\"BTC-USDT-SWAP\",\"tdMode\":\"cross\",\"side\":\"buy\",\"ordType\":\"limit\","
                + "\"px\":\"50912.4\",\"sz\":\"1\"}";
        assertThat(signer.sign("2020-12-08T09:08:57.715Z", "POST", "/api/v5/trade/order", body))
                .isEqualTo("JFLZW8L/ShRbpQnZgQBEx4VHZQECpmffYVgtzgc5a3k=");
    }

    @Test
    void theWebSocketLoginSignsSecondsGetAndTheVerifyPath() {
        assertThat(signer.signLogin(1538054050L)).isEqualTo("+LdIr8lkkvhr5hoA3g9TMC0+uQJ849ftAcocA/ouu4M=");
    }

    @Test
    void theTimestampIsIsoUtcWithMilliseconds() {
        assertThat(OkxSigner.timestamp(1607418537715L)).isEqualTo("2020-12-08T09:08:57.715Z");
        assertThat(OkxSigner.timestamp(1607418537000L)).isEqualTo("2020-12-08T09:08:57.000Z");
    }

    @Test
    void noSecretIsPrinted() {
        OkxCredentials credentials = new OkxCredentials("key-1", SECRET, "Zq9Wphrase");
        assertThat(credentials.toString()).doesNotContain("key-1", SECRET, "Zq9Wphrase");
        assertThat(signer.toString()).doesNotContain(SECRET);
    }
}
