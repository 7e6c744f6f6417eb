package id.ihati.videotron.playlists.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import id.ihati.videotron.playlists.timeline.TimelineResolver;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared core stays a plain library: the admin server, the players and the reports all run it, so it
 * must not pull in a UI toolkit, a web server, a database or a network client, and the resolver must not
 * read a clock or a random source (same input, identical output).
 */
class PlaylistsArchitectureTest {
    private static JavaClasses core;

    @BeforeAll
    static void importMainClasses() {
        // The module's own compiled classes (Maven runs tests in the module directory); scanning every jar
        // on the class path for the package took many seconds.
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Path.of("target", "classes"));
        assertThat(core.contain(TimelineResolver.class)).as("the main classes were found").isTrue();
    }

    @Test
    void dependsOnNoUiServerDatabaseOrHttpCode() {
        noClasses().that().resideInAPackage("id.ihati.videotron.playlists..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..", "javax.servlet..",
                        "java.sql..", "javax.sql..", "org.jdbi..", "org.h2..", "org.postgresql..", "com.zaxxer..",
                        "org.flywaydb..", "org.quartz..", "java.net..", "okhttp3..", "org.apache.http..",
                        "org.apache.hc..", "gg.jte..", "java.awt..", "javax.swing..")
                .because("playlists is the pure core every other module shares")
                .check(core);
    }

    @Test
    void resolverAndValidationReadNoClockAndNoRandomness() {
        noClockOrRandomness("id.ihati.videotron.playlists.timeline..", "id.ihati.videotron.playlists.validation..")
                .check(core);
    }

    @Test
    void thePurityRuleCatchesAClassThatReadsTheClock() {
        JavaClasses impure = new ClassFileImporter().importClasses(ReadsTheClock.class);
        assertThat(noClockOrRandomness("id.ihati.videotron.playlists.architecture..").evaluate(impure).hasViolation())
                .isTrue();
    }

    private static ArchRule noClockOrRandomness(String... packages) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().dependOnClassesThat().areAssignableTo(java.time.Clock.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.util.Random.class)
                .orShould().callMethod(Math.class, "random")
                .because("the same manifest and range must always give the same plan");
    }

    /** A resolver written wrongly: it asks the clock. */
    static final class ReadsTheClock {
        java.time.Instant plan() {
            return java.time.Instant.now();
        }
    }
}
