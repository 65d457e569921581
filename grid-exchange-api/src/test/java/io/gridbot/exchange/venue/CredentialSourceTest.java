package io.gridbot.exchange.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A venue's credentials come whole from the environment or whole from one stored account, and a refusal names the
 * variables to set and the account to store.
 */
class CredentialSourceTest {

    private static final CredentialSource KEY_AND_SECRET = CredentialSource.keyAndSecret("acme", "K", "S");
    private static final CredentialSource WITH_PASSPHRASE = KEY_AND_SECRET.and("P", AccountCredentials.PASSPHRASE);

    private static VenueSettings settings(Map<String, String> environment, Map<String, String> stored) {
        return new VenueSettings(environment, (venue, account) -> venue.equals("acme") && account.equals("main")
                ? Optional.of(new AccountCredentials(venue, account, stored)) : Optional.empty());
    }

    @Test
    void theEnvironmentTakesOverWhenItSetsEveryVariable() throws VenueSetupException {
        VenueSettings venue = settings(Map.of("K", " key ", "S", "secret"),
                Map.of(AccountCredentials.API_KEY, "storedKey", AccountCredentials.SECRET, "storedSecret"));

        assertThat(KEY_AND_SECRET.inEnvironment(venue)).isTrue();
        assertThat(KEY_AND_SECRET.fields(venue, "main"))
                .containsExactly(Map.entry(AccountCredentials.API_KEY, "key"), Map.entry(AccountCredentials.SECRET, "secret"));
    }

    @Test
    void aPartEnvironmentIsIgnoredForTheStoredAccount() throws VenueSetupException {
        VenueSettings venue = settings(Map.of("K", "key", "S", " "),
                Map.of(AccountCredentials.API_KEY, "storedKey", AccountCredentials.SECRET, "storedSecret"));

        assertThat(KEY_AND_SECRET.inEnvironment(venue)).isFalse();
        assertThat(KEY_AND_SECRET.fields(venue, "main")).containsEntry(AccountCredentials.API_KEY, "storedKey")
                .containsEntry(AccountCredentials.SECRET, "storedSecret");
    }

    @Test
    void noWholeSourceIsRefusedNamingWhatToSet() {
        VenueSettings venue = settings(Map.of("K", "key"), Map.of(AccountCredentials.API_KEY, "storedKey"));

        assertThatThrownBy(() -> KEY_AND_SECRET.fields(venue, "main")).isInstanceOf(VenueSetupException.class)
                .hasMessage("no credentials: set K and S, or store the acme account 'main' in the encrypted credential store");
        assertThatThrownBy(() -> WITH_PASSPHRASE.fields(venue, "other")).isInstanceOf(VenueSetupException.class)
                .hasMessage("no credentials: set K, S and P, or store the acme account 'other' with its passphrase"
                        + " in the encrypted credential store");
    }

    @Test
    void aStoredAccountWithoutTheFurtherCredentialSaysSo() {
        VenueSettings venue = settings(Map.of(),
                Map.of(AccountCredentials.API_KEY, "storedKey", AccountCredentials.SECRET, "storedSecret"));

        assertThatThrownBy(() -> WITH_PASSPHRASE.fields(venue, "main")).isInstanceOf(VenueSetupException.class)
                .hasMessageEndingWith("with its passphrase in the encrypted credential store (the stored one has no passphrase)");
    }

    @Test
    void aVenueAsksAtLeastForAKeyAndASecret() {
        assertThatThrownBy(() -> new CredentialSource("acme", java.util.List.of(new CredentialSource.Variable("K",
                AccountCredentials.API_KEY)))).isInstanceOf(IllegalArgumentException.class);
    }
}
