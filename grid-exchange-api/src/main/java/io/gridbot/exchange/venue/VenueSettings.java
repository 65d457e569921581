package io.gridbot.exchange.venue;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider opens its venue from: the environment's variables (each venue reads the ones its
 * {@link VenueProvider#settings()} name) and the accounts stored for it, looked up by label.
 *
 * @param environment the variables, as {@link System#getenv()} has them
 * @param accounts    the stored accounts of every venue
 */
public record VenueSettings(Map<String, String> environment, AccountStore accounts) {

    /** Where stored accounts are looked up: the runner's encrypted credential store. */
    @FunctionalInterface
    public interface AccountStore {

        /** No account is stored anywhere. */
        AccountStore NONE = (venue, account) -> Optional.empty();

        /**
         * The account of this label on this venue; empty when none is stored. Throws an unchecked exception when
         * the store cannot be read (its key is missing or wrong).
         */
        Optional<AccountCredentials> find(String venue, String account);
    }

    public VenueSettings {
        environment = Map.copyOf(environment);
        Objects.requireNonNull(accounts, "accounts");
    }

    /** The environment alone, with no stored account. */
    public static VenueSettings of(Map<String, String> environment) {
        return new VenueSettings(environment, AccountStore.NONE);
    }

    /** The variable's value, trimmed; empty when it is unset or blank. */
    public Optional<String> value(String name) {
        return Optional.ofNullable(environment.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /**
     * The stored account of this label on this venue; empty when none is stored.
     *
     * @throws VenueSetupException when the store cannot be read, naming what went wrong but nothing it holds
     */
    public Optional<AccountCredentials> stored(String venue, String account) throws VenueSetupException {
        try {
            return accounts.find(venue, account);
        } catch (RuntimeException e) {
            throw new VenueSetupException("the credential store could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
