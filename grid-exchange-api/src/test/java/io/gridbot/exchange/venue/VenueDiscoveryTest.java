package io.gridbot.exchange.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.order.ClientOrderId;
import io.gridbot.exchange.sim.SimulatedVenueProvider;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The service loader finds exactly the providers on the path, on the class path (how the runner's single jar runs)
 * and on the module path, where this module's descriptor uses the service and provides the simulator's.
 */
class VenueDiscoveryTest {

    @Test
    void onTheClassPathTheSimulatorIsTheOnlyVenueOfThisModule() {
        assertThat(VenueCatalog.discover().codes()).containsExactly("simulated");
        assertThat(VenueCatalog.discover().find("simulated")).get().isInstanceOf(SimulatedVenueProvider.class);
    }

    @Test
    void onTheModulePathTheModuleUsesTheServiceAndProvidesTheSimulator() throws Exception {
        ModuleFinder finder = ModuleFinder.of(location(VenueCatalog.class), location(ClientOrderId.class));
        ModuleDescriptor descriptor = finder.find("io.gridbot.exchange").orElseThrow().descriptor();
        assertThat(descriptor.uses()).containsExactly(VenueProvider.class.getName());
        assertThat(descriptor.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo(VenueProvider.class.getName());
            assertThat(p.providers()).containsExactly(SimulatedVenueProvider.class.getName());
        });

        ModuleLayer boot = ModuleLayer.boot();
        Configuration resolved = boot.configuration().resolveAndBind(finder, ModuleFinder.of(), Set.of("io.gridbot.exchange"));
        ModuleLayer layer = boot.defineModulesWithOneLoader(resolved, ClassLoader.getPlatformClassLoader());
        ClassLoader loader = layer.findLoader("io.gridbot.exchange");
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            // the catalog of the module in the layer, asked from inside it: without 'uses' the loader would refuse
            Object catalog = loader.loadClass(VenueCatalog.class.getName()).getMethod("discover").invoke(null);
            assertThat(catalog.getClass().getModule().getName()).isEqualTo("io.gridbot.exchange");
            assertThat(catalog.getClass().getMethod("codes").invoke(catalog)).isEqualTo(List.of("simulated"));
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static Path location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
