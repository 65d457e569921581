package io.gridbot.runner.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.exchange.venue.UnusableProviderException;
import io.gridbot.runner.testing.ExampleVenueJar;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GRIDBOT_VENUE_PATH} (issue 17): its jars, and the jars of its folders, are searched for venues besides the
 * runner's class path, so the example venue's jar named there is found, listed and offered exactly as the
 * built-in venues are; unset, the venues are the class path's alone; an entry that is missing or no jar is refused
 * with its name.
 */
class VenuePathTest {

    @TempDir
    Path dir;

    @Test
    void unsetOrEmptyTheVenuesAreTheClassPathsAlone() {
        assertThat(VenuePath.catalog(Map.of()).codes()).containsExactly("binance", "bybit", "okx", "simulated");
        assertThat(VenuePath.catalog(Map.of(VenuePath.VARIABLE, " ")).codes())
                .containsExactly("binance", "bybit", "okx", "simulated");
    }

    @Test
    void aFolderOfVenueJarsAddsTheirVenuesToThoseFoundAndToTheChoicesAGridHas() throws Exception {
        Path folder = dir.resolve("venues");
        ExampleVenueJar.into(folder);
        Files.writeString(folder.resolve("README.txt"), "not a jar: passed over in a folder");
        Map<String, String> env = Map.of(VenuePath.VARIABLE, folder.toString());

        assertThat(VenuePath.catalog(env).codes()).containsExactly("binance", "bybit", "example", "okx", "simulated");
        assertThat(VenueListings.standard(env).codes()).as("what config validate and the dashboard offer")
                .containsExactly("binance", "bybit", "example", "okx", "simulated");
        assertThat(VenueListings.standard(env).lookup("example", "BTCUSDT")).isInstanceOf(VenueListings.Listing.Listed.class);
    }

    @Test
    void jarsAndFoldersAreListedInTheirOrderAFoldersJarsByName() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Path second = Files.writeString(a.resolve("z.jar"), "");
        Path first = Files.writeString(a.resolve("m.jar"), "");
        Path alone = Files.writeString(b.resolve("alone.jar"), "");

        assertThat(VenuePath.jars(alone + File.pathSeparator + File.pathSeparator + a))
                .containsExactly(alone, first, second);
    }

    @Test
    void anEntryThatIsMissingOrNoJarIsRefusedByName() throws Exception {
        Path text = Files.writeString(dir.resolve("venue.txt"), "");
        String missing = dir.resolve("nowhere").toString();

        assertThatThrownBy(() -> VenuePath.catalog(Map.of(VenuePath.VARIABLE, missing)))
                .isInstanceOf(UnusableProviderException.class)
                .hasMessage("GRIDBOT_VENUE_PATH names " + missing + ", which does not exist");
        assertThatThrownBy(() -> VenuePath.jars(text.toString())).isInstanceOf(UnusableProviderException.class)
                .hasMessage("GRIDBOT_VENUE_PATH names " + text + ", which is not a jar (name venue jars, or folders of them)");
    }
}
