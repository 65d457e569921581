package io.gridbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.persistence.token.ApiTokenRepository;
import io.gridbot.persistence.token.ApiTokenRepository.ApiToken;
import io.gridbot.persistence.token.TokenScope;
import org.junit.jupiter.api.Test;

/** The API tokens' repository, run on each database: names, scopes, hashes, revocation and the last use. */
abstract class ApiTokenContract {

    private static final String HASH_A = "a".repeat(64);
    private static final String HASH_B = "0123456789abcdef".repeat(4);
    private static final String HASH_C = "c".repeat(64);

    protected abstract Database database();

    @Test
    void aTokenIsStoredByHashFoundByHashOrNameAndListedByName() {
        ApiTokenRepository tokens = database().apiTokens();
        tokens.create("Grafana", TokenScope.READ, HASH_A, 10);
        tokens.create("ci-deploy", TokenScope.CONTROL, HASH_B, 20);

        assertThat(tokens.findByHash(HASH_A)).hasValueSatisfying(t -> {
            assertThat(t.name()).isEqualTo("grafana");
            assertThat(t.scope()).isEqualTo(TokenScope.READ);
            assertThat(t.createdAt()).isEqualTo(10);
            assertThat(t.lastUsedAt()).isNull();
            assertThat(t.revoked()).isFalse();
            assertThat(t.toString()).doesNotContain(HASH_A);
        });
        assertThat(tokens.find("GRAFANA")).map(ApiToken::hash).contains(HASH_A);
        assertThat(tokens.findByHash(HASH_C)).isEmpty();
        assertThat(tokens.findByHash("not a hash")).isEmpty();
        assertThat(tokens.list()).extracting(ApiToken::name).containsExactly("ci-deploy", "grafana");
    }

    @Test
    void aSecondValidTokenOfTheSameNameIsRefusedAndNothingIsStored() {
        ApiTokenRepository tokens = database().apiTokens();
        tokens.create("grafana", TokenScope.READ, HASH_A, 10);
        assertThatThrownBy(() -> tokens.create("GRAFANA", TokenScope.CONTROL, HASH_B, 20))
                .isInstanceOf(ApiTokenRepository.DuplicateNameException.class)
                .hasMessageContaining("a token named 'grafana' exists");
        assertThat(tokens.findByHash(HASH_B)).isEmpty();
        assertThat(tokens.list()).singleElement().satisfies(t -> assertThat(t.scope()).isEqualTo(TokenScope.READ));
    }

    @Test
    void badNamesAndHashesAreRefused() {
        ApiTokenRepository tokens = database().apiTokens();
        assertThatThrownBy(() -> tokens.create("two words", TokenScope.READ, HASH_A, 10))
                .hasMessageContaining("a token name is 1 to 64 letters");
        assertThatThrownBy(() -> tokens.create("x".repeat(65), TokenScope.READ, HASH_A, 10))
                .hasMessageContaining("a token name is");
        assertThatThrownBy(() -> tokens.create("ok", TokenScope.READ, "gbt_plaintext", 10))
                .hasMessageContaining("hex SHA-256");
        assertThat(tokens.list()).isEmpty();
    }

    @Test
    void aRevokedTokenStaysListedAsRevokedAndItsNameMayBeTakenAgain() {
        ApiTokenRepository tokens = database().apiTokens();
        tokens.create("grafana", TokenScope.READ, HASH_A, 10);
        assertThat(tokens.revoke("Grafana", 30)).isTrue();
        assertThat(tokens.revoke("grafana", 40)).as("already revoked").isFalse();
        assertThat(tokens.revoke("nobody", 40)).isFalse();
        assertThat(tokens.findByHash(HASH_A)).hasValueSatisfying(t -> assertThat(t.revokedAt()).isEqualTo(30L));

        tokens.create("grafana", TokenScope.CONTROL, HASH_C, 50);
        assertThat(tokens.findByHash(HASH_A)).as("the revoked one is gone").isEmpty();
        assertThat(tokens.find("grafana")).hasValueSatisfying(t -> {
            assertThat(t.hash()).isEqualTo(HASH_C);
            assertThat(t.revoked()).isFalse();
        });
    }

    @Test
    void aUseIsRecordedAtMostOncePerInterval() {
        ApiTokenRepository tokens = database().apiTokens();
        tokens.create("grafana", TokenScope.READ, HASH_A, 10);
        tokens.touch(HASH_A, 100_000, 60_000);
        assertThat(tokens.findByHash(HASH_A).orElseThrow().lastUsedAt()).isEqualTo(100_000L);
        tokens.touch(HASH_A, 159_999, 60_000);
        assertThat(tokens.findByHash(HASH_A).orElseThrow().lastUsedAt()).as("within the minute").isEqualTo(100_000L);
        tokens.touch(HASH_A, 160_000, 60_000);
        assertThat(tokens.findByHash(HASH_A).orElseThrow().lastUsedAt()).isEqualTo(160_000L);
    }
}
