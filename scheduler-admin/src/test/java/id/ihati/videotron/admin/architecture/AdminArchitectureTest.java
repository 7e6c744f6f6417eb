package id.ihati.videotron.admin.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import id.ihati.videotron.admin.Wiring;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin server's layout (docs/architecture.md, "Admin server"): features depend on each other in one
 * direction only; the platform packages under them (web, db, jobs, auth, ratelimit, logs) import no feature;
 * the root package ({@link Wiring}, the composition root) sits on top and nothing imports it. Each rule is
 * also run against {@code archfixture}, test classes that break it on purpose, to show it can fail.
 */
class AdminArchitectureTest {
    static final String ADMIN = "id.ihati.videotron.admin";
    /** Below every feature: what they are built on. */
    static final String[] PLATFORM = {"web", "db", "jobs", "auth", "ratelimit", "logs"};
    static final String FIXTURE = ADMIN + ".archfixture";
    private static JavaClasses main;
    private static JavaClasses fixture;

    @BeforeAll
    static void importClasses() {
        // The module's own compiled classes (Maven runs tests in the module directory): scanning every jar on the
        // class path takes many seconds. The jte templates compile into other packages and are not checked.
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Path.of("target", "classes"));
        assertThat(main.contain(Wiring.class)).as("the main classes were found").isTrue();
        fixture = new ClassFileImporter().importPackages(FIXTURE);
        assertThat(fixture.size()).as("the planted classes were found").isGreaterThanOrEqualTo(4);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        featuresFreeOfCycles(ADMIN).check(main);
    }

    @Test
    void webDbJobsAndThePlatformImportNoFeature() {
        platformImportsNoFeature(ADMIN).check(main);
    }

    @Test
    void nothingImportsTheRootPackage() {
        nothingImportsTheRoot(ADMIN).check(main);
    }

    @Test
    void theCycleRuleCatchesTwoFeaturesThatImportEachOther() {
        assertThat(featuresFreeOfCycles(FIXTURE).evaluate(fixture).getFailureReport().getDetails())
                .anyMatch(line -> line.contains("booking") && line.contains("dashboard"));
    }

    @Test
    void thePlatformRuleCatchesAWebClassThatImportsAFeature() {
        assertThat(platformImportsNoFeature(FIXTURE).evaluate(fixture).getFailureReport().getDetails())
                .anyMatch(line -> line.contains("web.Page") && line.contains("booking.Booking"));
    }

    @Test
    void theRootRuleCatchesAFeatureThatImportsTheRoot() {
        assertThat(nothingImportsTheRoot(FIXTURE).evaluate(fixture).getFailureReport().getDetails())
                .anyMatch(line -> line.contains("booking.Booking") && line.contains("RootPart"));
    }

    /** Every direct sub-package of {@code base} is a slice (a feature or a platform package). */
    static ArchRule featuresFreeOfCycles(String base) {
        return slices().matching(base + ".(*)..").should().beFreeOfCycles()
                .because("a feature may use the ones below it, never the ones above (the composition root's order)");
    }

    static ArchRule platformImportsNoFeature(String base) {
        String[] platform = Arrays.stream(PLATFORM).map(p -> base + "." + p + "..").toArray(String[]::new);
        return noClasses().that().resideInAnyPackage(platform)
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "are in a feature package",
                        c -> c.getPackageName().startsWith(base + ".") && !inAny(c.getPackageName(), platform)))
                .because("features are built on web, db, jobs and auth, not the other way round");
    }

    static ArchRule nothingImportsTheRoot(String base) {
        return noClasses().that().resideInAPackage(base + ".*..")
                .should().dependOnClassesThat().resideInAPackage(base)
                .because("the root package is the composition root: it knows every feature and none knows it");
    }

    private static boolean inAny(String packageName, String[] patterns) {
        for (String p : patterns) {
            String prefix = p.substring(0, p.length() - 2);
            if (packageName.equals(prefix) || packageName.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }
}
