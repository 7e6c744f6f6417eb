package id.ihati.videotron.player.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import id.ihati.videotron.player.Main;
import id.ihati.videotron.player.architecture.planted.Wiring;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The player's packages (see docs/architecture.md, "Player"): features free of cycles; playback, the lower half,
 * never imports sync (sync implements playback's {@code ContentSource}); the shared pieces {@code net} and
 * {@code files} import no feature; nothing imports the root package, where {@code Main} wires everything.
 *
 * <p>Every rule is written for a base package, so the same rule also runs over {@code architecture.planted}, a
 * handful of test classes laid out like the player that break each rule once: a rule that cannot find its
 * planted violation fails its test.
 */
class PlayerArchitectureTest {
    private static final String PLAYER = "id.ihati.videotron.player";
    private static final String PLANTED = Wiring.class.getPackageName();
    private static JavaClasses player;
    private static JavaClasses planted;

    @BeforeAll
    static void importClasses() {
        // The module's own compiled main classes (Maven runs tests in the module directory): scanning every jar
        // on the class path for the package takes many seconds.
        player = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Path.of("target", "classes"));
        assertThat(player.contain(Main.class)).as("the main classes were found").isTrue();
        planted = new ClassFileImporter().importPackages(PLANTED);
        assertThat(planted.contain(Wiring.class)).as("the planted classes were found").isTrue();
    }

    // ---------------------------------------------------------------- the rules

    /** Every package (features and their sub-packages) is a slice; no two depend on each other. */
    static ArchRule packagesAreFreeOfCycles(String base) {
        return slices().matching(base + ".(**)").should().beFreeOfCycles()
                .because("a cycle makes two packages one: neither can be read, tested or changed alone");
    }

    static ArchRule playbackImportsNoSync(String base) {
        return noClasses().that().resideInAPackage(base + ".playback..")
                .should().dependOnClassesThat().resideInAPackage(base + ".sync..")
                .because("playback owns the interfaces it needs (ContentSource); sync implements them");
    }

    static ArchRule sharedPiecesImportNoFeature(String base) {
        return noClasses().that().resideInAnyPackage(base + ".net..", base + ".files..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".playback..", base + ".sync..",
                        base + ".proof..", base + ".time..", base)
                .because("net and files are shared by sync and proof: a feature in them would bring the cycle back");
    }

    static ArchRule nothingImportsTheRoot(String base) {
        return noClasses().that().resideOutsideOfPackage(base)
                .and().resideInAPackage(base + "..")
                .should().dependOnClassesThat().resideInAPackage(base)
                .because("the root package is the composition root (Main): it uses the features, never the reverse");
    }

    // ---------------------------------------------------------------- the player keeps them

    @Test
    void thePlayersPackagesAreFreeOfCycles() {
        packagesAreFreeOfCycles(PLAYER).check(player);
    }

    @Test
    void playbackImportsNothingOfSync() {
        playbackImportsNoSync(PLAYER).check(player);
    }

    @Test
    void theSharedHttpAndFilePiecesImportNoFeature() {
        sharedPiecesImportNoFeature(PLAYER).check(player);
    }

    @Test
    void noFeatureImportsTheCompositionRoot() {
        nothingImportsTheRoot(PLAYER).check(player);
    }

    // ---------------------------------------------------------------- each rule can fail

    @Test
    void theCycleRuleFindsThePlantedSyncProofCycle() {
        var result = packagesAreFreeOfCycles(PLANTED).evaluate(planted);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("planted.sync.Downloader")
                .contains("planted.proof.Journal");
    }

    @Test
    void thePlaybackRuleFindsThePlantedImportOfASyncInternal() {
        var result = playbackImportsNoSync(PLANTED).evaluate(planted);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("planted.playback.Screen")
                .contains("planted.sync.Downloader");
    }

    @Test
    void theSharedPiecesRuleFindsThePlantedNetClassUsingProof() {
        var result = sharedPiecesImportNoFeature(PLANTED).evaluate(planted);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("planted.net.Http")
                .contains("planted.proof.Journal");
    }

    @Test
    void theRootRuleFindsThePlantedFeatureReadingTheRoot() {
        var result = nothingImportsTheRoot(PLANTED).evaluate(planted);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("planted.playback.AsksTheRoot")
                .contains("planted.Wiring");
    }
}
