package io.gridbot.exchange.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.order.ClientOrderId;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.venue.ClientIdCodec;
import io.gridbot.exchange.venue.VenueCatalog;
import io.gridbot.exchange.venue.VenueProvider;
import io.gridbot.exchange.venue.VenueSetting;
import io.gridbot.exchange.venue.VenueSettings;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * What every {@link VenueProvider} must do for the runner to find and trust it: be found by the service loader
 * from its jar, take a code the catalog accepts, describe every setting it reads, make each client order id the
 * core can make fit the venue's rules and bring it back unchanged (a property over every such id), leave ids the
 * core did not make alone, and open an adapter that answers to its code and capabilities. Extend it with your
 * provider and the settings that open it against your fake server; see docs/writing-an-adapter.md.
 */
public abstract class VenueProviderContract {

    /** The provider under test. */
    protected abstract VenueProvider provider();

    /** Settings that open the venue (a fake server's address and test credentials). */
    protected abstract VenueSettings settings();

    @Test
    void theServiceLoaderFindsIt() {
        assertThat(VenueCatalog.discover().find(provider().code()))
                .as("a provider of '%s' on the class path (META-INF/services/%s)", provider().code(),
                        VenueProvider.class.getName())
                .hasValueSatisfying(found -> assertThat(found).hasSameClassAs(provider()));
    }

    @Test
    void theCatalogTakesItsCodeAndItDescribesEverySetting() {
        assertThat(VenueCatalog.of(List.of(provider())).codes()).containsExactly(provider().code());
        assertThat(provider().displayName()).isNotBlank();
        for (VenueSetting s : provider().settings()) {
            assertThat(s.name()).as("a setting's name").matches("[A-Z][A-Z0-9_]*");
            assertThat(s.meaning()).as(s.name()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> coreIds() {
        return CoreIds.all();
    }

    @Property(tries = 2_000)
    void everyIdTheCoreMakesIsSentAsAnIdTheVenueTakesAndComesBackAsItWas(@ForAll("coreIds") String id) {
        ClientIdCodec codec = provider().clientIdCodec();
        String sent = codec.encode(id);

        assertThat(provider().clientIdRules().problem(sent)).as("%s sent as %s", id, sent).isEmpty();
        assertThat(codec.decode(sent)).isEqualTo(id);
        assertThat(ClientOrderId.parse(codec.decode(sent))).isEqualTo(ClientOrderId.parse(id));
    }

    @Property(tries = 500)
    void anIdTheCoreDidNotMakePassesBothWaysUnchanged(@ForAll String other) {
        ClientIdCodec codec = provider().clientIdCodec();
        if (!ClientOrderId.isOurs(other)) {
            assertThat(codec.encode(other)).isEqualTo(other);
        }
        String decoded = codec.decode(other);
        if (!decoded.equals(other)) {
            assertThat(codec.encode(decoded)).as("only an encoding decodes to another id").isEqualTo(other);
        }
    }

    @Test
    void theAdapterItOpensAnswersToItsCodeAndCapabilities() throws Exception {
        try (ExchangeAdapter adapter = VenueCatalog.of(List.of(provider())).open(provider().code(), settings())) {
            assertThat(adapter.venue()).isEqualTo(provider().code());
            assertThat(adapter.capabilities()).isEqualTo(provider().capabilities());
        }
    }
}
