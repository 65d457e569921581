package io.gridbot.exchange.venue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a venue's credentials come from: all of its environment variables when every one is set, or else all the
 * fields of one stored account, never a mix of the two. The first two variables are the API key and secret; a venue
 * that asks for more (OKX's passphrase) names further ones with {@link #and}. When neither source is whole the
 * venue cannot be opened, and {@link #fields} refuses naming what to set and which account to store.
 *
 * @param venue     the venue's code, under which the credential store files its accounts
 * @param variables the environment variables with the stored field each stands for, in the order a refusal names
 *                  them
 */
public record CredentialSource(String venue, List<Variable> variables) {

    /**
     * One credential: the environment variable that holds it and the field a stored account holds it in.
     *
     * @param name        the environment variable
     * @param storedField the stored account's field ({@link AccountCredentials#API_KEY} and the like)
     */
    public record Variable(String name, String storedField) {

        public Variable {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(storedField, "storedField");
        }
    }

    public CredentialSource {
        Objects.requireNonNull(venue, "venue");
        variables = List.copyOf(variables);
        if (variables.size() < 2) {
            throw new IllegalArgumentException("a venue's credentials are at least a key and a secret");
        }
    }

    /** A venue whose credentials are an API key and secret, read from these two variables. */
    public static CredentialSource keyAndSecret(String venue, String keyVariable, String secretVariable) {
        return new CredentialSource(venue, List.of(new Variable(keyVariable, AccountCredentials.API_KEY),
                new Variable(secretVariable, AccountCredentials.SECRET)));
    }

    /** The same, asking for one more credential (a passphrase) from this variable or this stored field. */
    public CredentialSource and(String variable, String storedField) {
        List<Variable> more = new ArrayList<>(variables);
        more.add(new Variable(variable, storedField));
        return new CredentialSource(venue, more);
    }

    /** Whether the environment sets every variable, and so takes over from any stored account. */
    public boolean inEnvironment(VenueSettings settings) {
        return variables.stream().allMatch(v -> settings.value(v.name()).isPresent());
    }

    /**
     * The credentials by stored field ({@link AccountCredentials#API_KEY}, {@link AccountCredentials#SECRET}, then
     * any further one): the environment's when it sets them all, else those of the stored account of this label.
     *
     * @throws VenueSetupException when neither holds them all, naming the variables to set and the account to store
     *                             (and, when the stored account lacks a credential beyond the key and secret, which)
     */
    public Map<String, String> fields(VenueSettings settings, String account) throws VenueSetupException {
        Map<String, String> found = new LinkedHashMap<>();
        if (inEnvironment(settings)) {
            variables.forEach(v -> found.put(v.storedField(), settings.value(v.name()).orElseThrow()));
            return found;
        }
        Optional<AccountCredentials> stored = settings.stored(venue, account);
        variables.forEach(v -> stored.flatMap(s -> s.field(v.storedField())).ifPresent(f -> found.put(v.storedField(), f)));
        if (found.size() < variables.size()) {
            throw new VenueSetupException(refusal(account, stored.isPresent(), found));
        }
        return found;
    }

    private String refusal(String account, boolean stored, Map<String, String> found) {
        List<String> further = variables.subList(2, variables.size()).stream().map(Variable::storedField).toList();
        List<String> missing = further.stream().filter(f -> !found.containsKey(f)).toList();
        return "no credentials: set " + list(variables.stream().map(Variable::name).toList())
                + ", or store the " + venue + " account '" + account + "'"
                + (further.isEmpty() ? "" : " with its " + list(further)) + " in the encrypted credential store"
                + (stored && !missing.isEmpty() ? " (the stored one has no " + list(missing) + ")" : "");
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    private static String list(List<String> items) {
        int last = items.size() - 1;
        return last == 0 ? items.get(0) : String.join(", ", items.subList(0, last)) + " and " + items.get(last);
    }
}
