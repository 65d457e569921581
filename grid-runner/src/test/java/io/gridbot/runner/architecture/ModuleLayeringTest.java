package io.gridbot.runner.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.gridbot.core.machine.GridMachine;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the modules may depend on each other, checked on every main class of the project (the runner's test class
 * path holds them all): the core at the bottom, the neutral venue interface and the simulator above it, each venue
 * adapter, the database and the statistics beside each other on top of those, and the runner, which wires them,
 * at the top. No package of the project takes part in a cycle, and nothing outside the core reaches into a core
 * package that the core's module descriptor keeps to itself.
 */
class ModuleLayeringTest {

    /** The modules' test-jars (the fake venues, the test databases) are test code too. */
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar.*");

    private static JavaClasses project;

    @BeforeAll
    static void importTheProject() {
        project = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.matches(TEST_JAR))
                .importPackages("io.gridbot");
    }

    @Test
    void eachModuleDependsOnlyOnTheModulesBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("core").definedBy("io.gridbot.core..")
                .layer("venue interface").definedBy(describe("io.gridbot.exchange.. but not a venue's adapter",
                        (JavaClass c) -> c.getPackageName().startsWith("io.gridbot.exchange")
                                && !c.getPackageName().startsWith("io.gridbot.exchange.binance")
                                && !c.getPackageName().startsWith("io.gridbot.exchange.okx")
                                && !c.getPackageName().startsWith("io.gridbot.exchange.bybit")))
                .layer("binance").definedBy("io.gridbot.exchange.binance..")
                .layer("okx").definedBy("io.gridbot.exchange.okx..")
                .layer("bybit").definedBy("io.gridbot.exchange.bybit..")
                .layer("persistence").definedBy("io.gridbot.persistence..")
                .layer("statistics").definedBy("io.gridbot.stats..")
                .layer("runner").definedBy("io.gridbot.runner..")
                .whereLayer("runner").mayNotBeAccessedByAnyLayer()
                .whereLayer("binance").mayOnlyBeAccessedByLayers("runner")
                .whereLayer("okx").mayOnlyBeAccessedByLayers("runner")
                .whereLayer("bybit").mayOnlyBeAccessedByLayers("runner")
                .whereLayer("persistence").mayOnlyBeAccessedByLayers("runner")
                .whereLayer("statistics").mayOnlyBeAccessedByLayers("runner")
                .whereLayer("venue interface").mayOnlyBeAccessedByLayers("binance", "okx", "bybit", "runner")
                .check(project);
    }

    @Test
    void noPackageTakesPartInACycle() {
        // jOOQ's generated tables and records refer to each other by design; they are generated, not written.
        slices().matching("io.gridbot.(**)").should().beFreeOfCycles()
                .check(project.that(resideOutsideOfPackage("io.gridbot.persistence.jooq..")));
    }

    @Test
    void onlyTheCoresExportedPackagesAreUsedOutsideIt() throws IOException, URISyntaxException {
        Set<String> exported = coreDescriptor().exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        assertThat(exported).contains("io.gridbot.core.machine", "io.gridbot.core.event", "io.gridbot.core.command");
        noClasses().that().resideOutsideOfPackage("io.gridbot.core..")
                .should().dependOnClassesThat(describe("in a core package that the core does not export",
                        (JavaClass c) -> c.getPackageName().startsWith("io.gridbot.core")
                                && !exported.contains(c.getPackageName())))
                .check(project);
    }

    /** The core's module descriptor, read from wherever its classes come from (a folder or a jar). */
    private static ModuleDescriptor coreDescriptor() throws IOException, URISyntaxException {
        Path location = Path.of(GridMachine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            try (InputStream in = Files.newInputStream(location.resolve("module-info.class"))) {
                return ModuleDescriptor.read(in);
            }
        }
        try (JarFile jar = new JarFile(location.toFile());
                InputStream in = jar.getInputStream(jar.getEntry("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }
}
