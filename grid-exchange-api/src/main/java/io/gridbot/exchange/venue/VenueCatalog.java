package io.gridbot.exchange.venue;

import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The venues found at run time, by code: every {@link VenueProvider} the service loader finds on the class path
 * or module path. It is the one list the runner, the checks of a grid's {@code exchange} and the dashboard's
 * choice read, so a venue's jar on the path is all it takes to trade there. A provider whose code is malformed or
 * taken, or whose client id codec does not make the core's ids fit its rules ({@link ClientIdFit}), is refused
 * when the catalog is made, with the reason.
 */
public final class VenueCatalog {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]*");

    private final Map<String, VenueProvider> byCode;

    private VenueCatalog(Map<String, VenueProvider> byCode) {
        this.byCode = byCode;
    }

    /**
     * The providers the service loader finds through the thread's context class loader.
     *
     * @throws UnusableProviderException when one of them cannot be loaded or used
     */
    public static VenueCatalog discover() {
        return discover(ServiceLoader.load(VenueProvider.class));
    }

    /** The providers the service loader finds through {@code loader} (a folder of venue jars). */
    public static VenueCatalog discover(ClassLoader loader) {
        return discover(ServiceLoader.load(VenueProvider.class, loader));
    }

    private static VenueCatalog discover(ServiceLoader<VenueProvider> loader) {
        List<VenueProvider> found = new ArrayList<>();
        try {
            loader.forEach(found::add);
        } catch (ServiceConfigurationError e) {
            throw new UnusableProviderException("a venue provider on the class path could not be loaded: " + e.getMessage(), e);
        }
        return of(found);
    }

    /**
     * Exactly these providers.
     *
     * @throws UnusableProviderException when a code is malformed or two providers share one, or a provider's ids
     *                                    do not fit its own rules; the message names the provider and the reason
     */
    public static VenueCatalog of(Collection<? extends VenueProvider> providers) {
        Map<String, VenueProvider> byCode = new TreeMap<>();
        for (VenueProvider provider : providers) {
            String code = provider.code();
            String name = provider.getClass().getName();
            if (code == null || !CODE.matcher(code).matches()) {
                throw new UnusableProviderException("venue provider " + name + " has the code '" + code
                        + "': a code is lower-case letters, digits and '-', starting with a letter");
            }
            VenueProvider taken = byCode.putIfAbsent(code, provider);
            if (taken != null) {
                throw new UnusableProviderException("two venue providers have the code '" + code + "': "
                        + taken.getClass().getName() + " and " + name);
            }
            ClientIdFit.problem(provider.clientIdCodec(), provider.clientIdRules()).ifPresent(p -> {
                throw new UnusableProviderException("venue provider " + name + " (" + code + ") cannot take the client "
                        + "order ids gridbot makes: " + p);
            });
        }
        return new VenueCatalog(byCode);
    }

    /** The codes found, in alphabetical order. */
    public List<String> codes() {
        return List.copyOf(byCode.keySet());
    }

    /** The providers found, by code. */
    public List<VenueProvider> providers() {
        return List.copyOf(byCode.values());
    }

    /** The provider of this code, if one was found. */
    public Optional<VenueProvider> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The provider of this code. */
    public VenueProvider provider(String code) throws VenueSetupException {
        return find(code).orElseThrow(() -> new VenueSetupException(unknown(code)));
    }

    /** Why {@code code} names no venue: {@code unknown venue 'okx' (venues found: binance, simulated)}. */
    public String unknown(String code) {
        return unknown(code, byCode.keySet());
    }

    /** The one wording of an unknown venue, for any list of the venues there are. */
    public static String unknown(String code, Collection<String> found) {
        return "unknown venue '" + code + "' (" + (found.isEmpty() ? "no venue was found"
                : "venues found: " + String.join(", ", found.stream().sorted().toList())) + ")";
    }

    /**
     * Opens the venue of this code, seen through its provider's {@link ClientIdCodec}: the adapter the runner
     * trades on.
     *
     * @throws VenueSetupException when no venue has the code, or a setting is missing or wrong
     * @throws ExchangeException   when the venue refused or could not be reached
     */
    public ExchangeAdapter open(String code, VenueSettings settings) throws VenueSetupException, ExchangeException {
        VenueProvider provider = provider(code);
        ExchangeAdapter adapter = provider.open(settings);
        ClientIdCodec codec = provider.clientIdCodec();
        return codec == ClientIdCodec.UNCHANGED ? adapter : new EncodedClientIds(adapter, codec);
    }
}
