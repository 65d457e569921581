package io.gridbot.exchange.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.order.ClientOrderId;
import io.gridbot.exchange.venue.VenueCatalog;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A venue in a jar of its own is found without a change to gridbot: on the class path (how the runner's jar runs,
 * through {@code META-INF/services}) and on the module path (through this module's {@code provides}), beside the
 * simulator and nothing else.
 */
class ExampleDiscoveryTest {

    @Test
    void onTheClassPathTheServiceLoaderFindsExactlyTheExampleAndTheSimulator() {
        assertThat(VenueCatalog.discover().codes()).containsExactly("example", "simulated");
    }

    @Test
    void onTheModulePathTheModulesProvidesIsFound() throws Exception {
        ModuleFinder finder = ModuleFinder.of(location(ExampleVenueProvider.class), location(VenueCatalog.class),
                location(ClientOrderId.class));
        ModuleLayer boot = ModuleLayer.boot();
        Configuration resolved = boot.configuration().resolveAndBind(finder, ModuleFinder.of(),
                Set.of("io.gridbot.exchange"));
        ModuleLayer layer = boot.defineModulesWithOneLoader(resolved, ClassLoader.getPlatformClassLoader());
        assertThat(layer.findModule("io.gridbot.exchange.example")).as("bound as a provider of the service").isPresent();

        ClassLoader loader = layer.findLoader("io.gridbot.exchange");
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Object catalog = loader.loadClass(VenueCatalog.class.getName()).getMethod("discover").invoke(null);
            assertThat(catalog.getClass().getMethod("codes").invoke(catalog)).isEqualTo(List.of("example", "simulated"));
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static Path location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
