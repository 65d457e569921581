package io.gridbot.core.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture's first rule, checked on the compiled core (ADR: functional core, thin shell; FR-12's
 * extensibility rests on it): the core depends on nothing but the JDK, reads no clock, starts no thread, does
 * no network or file I/O, keeps money out of floating point, and its packages form no cycle. The rules read the
 * class files, which are what runs: a comment or a string that names a banned call is no violation.
 */
class CoreRulesTest {

    private static JavaClasses core;

    @BeforeAll
    static void importTheCompiledCore() {
        core = new ClassFileImporter().importPath(Path.of("target/classes"));
    }

    @Test
    void theCoreDependsOnlyOnTheJdkAndItself() {
        noClasses().should().dependOnClassesThat(describe("outside java.* and io.gridbot.core",
                        (JavaClass c) -> !c.getPackageName().startsWith("java.")
                                && !c.getPackageName().startsWith("io.gridbot.core")
                                && !c.isPrimitive() && !c.isArray()))
                .check(core);
    }

    @Test
    void theCoreReadsNoClock() {
        noClasses().should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.InstantSource")
                .because("time is an input: every event carries the time at which it happened")
                .check(core);
        classes().should(notCallAMethodNamed("now", "java.time")).check(core);
    }

    @Test
    void theCoreStartsNoThreadAndWaitsOnNothing() {
        noClasses().should().dependOnClassesThat().resideInAPackage("java.util.concurrent..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(Thread.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(Runnable.class.getName())
                .orShould().callMethod(Object.class, "wait")
                .because("the shell owns every thread; the core is called from one at a time")
                .check(core);
    }

    @Test
    void theCoreDoesNoIo() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.file..", "java.sql..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
                .orShould().callMethod(Math.class, "random")
                .check(core);
    }

    @Test
    void noMoneyPassesThroughFloatingPoint() {
        classes().should(notTouchFloatingPoint())
                .because("prices, quantities, fees and PnL are BigDecimal; a double anywhere is a rounding error waiting")
                .check(core);
    }

    @Test
    void theCorePackagesFormNoCycle() {
        slices().matching("io.gridbot.core.(**)").should().beFreeOfCycles().check(core);
    }

    private static ArchCondition<JavaClass> notCallAMethodNamed(String name, String packagePrefix) {
        return new ArchCondition<>("not call " + packagePrefix + ".*." + name + "()") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                item.getMethodCallsFromSelf().stream()
                        .filter(call -> call.getName().equals(name)
                                && call.getTargetOwner().getPackageName().startsWith(packagePrefix))
                        .forEach(call -> events.add(SimpleConditionEvent.violated(item, call.getDescription())));
            }
        };
    }

    /**
     * Fields, parameters and results of type double or float, and calls that take or give one: every way a
     * floating-point value can enter or leave code, as far as the class files show it.
     */
    private static ArchCondition<JavaClass> notTouchFloatingPoint() {
        Set<String> floating = Set.of("double", "float", Double.class.getName(), Float.class.getName());
        return new ArchCondition<>("not use floating point") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (JavaField field : item.getFields()) {
                    if (floating.contains(field.getRawType().getName())) {
                        events.add(SimpleConditionEvent.violated(item, field.getFullName() + " is floating point"));
                    }
                }
                for (JavaCodeUnit unit : item.getCodeUnits()) {
                    if (Stream.concat(unit.getRawParameterTypes().stream(), Stream.of(unit.getRawReturnType()))
                            .anyMatch(t -> floating.contains(t.getName()))) {
                        events.add(SimpleConditionEvent.violated(item, unit.getFullName() + " takes or gives floating point"));
                    }
                }
                item.getCodeUnitCallsFromSelf().stream()
                        .filter(call -> Stream.concat(call.getTarget().getRawParameterTypes().stream(),
                                        Stream.of(call.getTarget().getRawReturnType()))
                                .anyMatch(t -> floating.contains(t.getName())))
                        .forEach(call -> events.add(SimpleConditionEvent.violated(item, call.getDescription())));
            }
        };
    }
}
