package id.ihati.videotron.playlists.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import id.ihati.videotron.playlists.validation.FieldError;
import id.ihati.videotron.playlists.validation.Parsed;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every kind of bad manifest is answered with errors at the right field path, in both languages. */
class ManifestValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The valid sample manifest, changed by {@code edit}, then read. */
    private static Parsed<Manifest> readEdited(Consumer<ObjectNode> edit) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(ManifestCodec.write(ManifestCodecRoundTripTest.sample()));
            edit.accept(tree);
            return ManifestCodec.read(JSON.writeValueAsString(tree));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode at(ObjectNode root, String... path) {
        JsonNode n = root;
        for (String p : path) {
            n = p.matches("\\d+") ? n.get(Integer.parseInt(p)) : n.get(p);
        }
        return (ObjectNode) n;
    }

    private static FieldError only(Parsed<Manifest> parsed) {
        assertThat(parsed.isOk()).as("should be invalid").isFalse();
        assertThat(parsed.errors()).hasSize(1);
        FieldError e = parsed.errors().get(0);
        assertThat(e.message()).isNotBlank();
        assertThat(e.messageEn()).isNotBlank().isNotEqualTo(e.message());
        return e;
    }

    @Test
    void theUneditedSampleIsValid() {
        assertThat(readEdited(t -> { }).errors()).isEmpty();
    }

    @Test
    void malformedJsonIsOneDocumentErrorWithItsLine() {
        FieldError e = only(ManifestCodec.read("{\n \"formatVersion\": 1,\n \"screen\": {\n"));
        assertThat(e.path()).isEmpty();
        assertThat(e.message()).startsWith("JSON rusak (baris");
        assertThat(e.messageEn()).startsWith("Malformed JSON (line");
    }

    @Test
    void emptyAndNonObjectDocumentsAreRejected() {
        assertThat(only(ManifestCodec.read("  ")).messageEn()).contains("empty");
        assertThat(only(ManifestCodec.read("[1,2]")).messageEn()).contains("must be a JSON object");
        assertThat(only(ManifestCodec.read("{} trailing")).messageEn()).startsWith("Malformed JSON");
    }

    @Test
    void missingRequiredFieldIsNamed() {
        FieldError e = only(readEdited(t -> at(t, "screen").remove("id")));
        assertThat(e.path()).isEqualTo("screen.id");
        assertThat(e.message()).isEqualTo("wajib diisi");
        assertThat(e.messageEn()).isEqualTo("is required");
    }

    @Test
    void wrongTypeIsNamed() {
        FieldError e = only(readEdited(t -> at(t, "screen").put("loopSeconds", "300")));
        assertThat(e.path()).isEqualTo("screen.loopSeconds");
        assertThat(e.messageEn()).isEqualTo("must be a whole number");
    }

    @Test
    void negativeAndZeroDurationsAreRejected() {
        FieldError negative = only(readEdited(t -> at(t, "media", "0").put("durationMillis", -5)));
        assertThat(negative.path()).isEqualTo("media[0].durationMillis");
        assertThat(negative.messageEn()).isEqualTo("must be greater than 0, was -5");
        FieldError zeroSlot = only(readEdited(t -> at(t, "screen").put("slotSeconds", 0)));
        assertThat(zeroSlot.path()).isEqualTo("screen.slotSeconds");
    }

    @Test
    void slotLengthMustDivideTheLoop() {
        FieldError e = only(readEdited(t -> at(t, "screen").put("slotSeconds", 17)));
        assertThat(e.path()).isEqualTo("screen.slotSeconds");
        assertThat(e.message()).isEqualTo("panjang slot 17 dtk tidak membagi habis panjang loop 300 dtk");
        assertThat(e.messageEn()).isEqualTo("slot length 17 s does not divide the loop length 300 s");
    }

    @Test
    void itemLongerThanTheLoopIsReportedWhereTheBookingNamesIt() {
        // media[1] is C1: item 0 of booking "c" (bookings[1]) and of booking "n" (bookings[2]).
        Parsed<Manifest> parsed = readEdited(t -> at(t, "media", "1").put("durationMillis", 301_000));
        assertThat(parsed.errors()).extracting(FieldError::path)
                .containsExactly("bookings[1].items[0]", "bookings[2].items[0]");
        assertThat(parsed.errors().get(0).messageEn())
                .isEqualTo("media \"C1\" lasts 301 s, longer than the loop of screen simpang-tiga (300 s)");
    }

    @Test
    void unknownTimeZoneIsNamed() {
        FieldError e = only(readEdited(t -> at(t, "screen").put("timeZone", "Asia/Cilegon")));
        assertThat(e.path()).isEqualTo("screen.timeZone");
        assertThat(e.messageEn()).startsWith("unknown time zone: \"Asia/Cilegon\"");
    }

    @Test
    void dateRangeEndingBeforeItStartsIsReportedAtItsEnd() {
        FieldError e = only(readEdited(t -> at(t, "bookings", "1").put("dateTo", "2026-10-01")));
        assertThat(e.path()).isEqualTo("bookings[1].dateTo");
        assertThat(e.messageEn()).isEqualTo("end date 2026-10-01 is before start date 2026-11-01");
    }

    @Test
    void emptyItemListIsRejected() {
        FieldError e = only(readEdited(t -> at(t, "bookings", "0").putArray("items")));
        assertThat(e.path()).isEqualTo("bookings[0].items");
        assertThat(e.message()).isEqualTo("daftar tidak boleh kosong");
    }

    @Test
    void unknownMediaReferencedByABookingIsNamed() {
        FieldError e = only(readEdited(t -> ((ArrayNode) at(t, "bookings", "2").get("items")).set(1, TextNode.valueOf("X9"))));
        assertThat(e.path()).isEqualTo("bookings[2].items[1]");
        assertThat(e.messageEn()).isEqualTo("unknown media \"X9\"");
    }

    @Test
    void unknownMediaOfAlertsAndFillerIsNamed() {
        Parsed<Manifest> parsed = readEdited(t -> {
            at(t, "alerts", "0").put("mediaId", "nope");
            ((ArrayNode) at(t, "filler").get("items")).set(0, TextNode.valueOf("gone"));
        });
        assertThat(parsed.errors()).extracting(FieldError::path).containsExactly("alerts[0].mediaId", "filler.items[0]");
    }

    @Test
    void badTimeInAWindowIsNamed() {
        FieldError e = only(readEdited(t -> at(t, "bookings", "0", "windows", "0").put("to", "25:00")));
        assertThat(e.path()).isEqualTo("bookings[0].windows[0].to");
        assertThat(e.messageEn()).isEqualTo("must be a time formatted HH:mm or HH:mm:ss; was \"25:00\"");
    }

    @Test
    void unknownFrequencyTypeAndBadEnumsAreNamed() {
        Parsed<Manifest> parsed = readEdited(t -> {
            at(t, "bookings", "0", "frequency").put("type", "HOURLY");
            at(t, "bookings", "1").put("category", "SPORT");
            ((ArrayNode) at(t, "bookings", "2").putArray("weekdays")).add("SENIN");
        });
        assertThat(parsed.errors()).extracting(FieldError::path)
                .containsExactly("bookings[0].frequency.type", "bookings[1].category", "bookings[2].weekdays[0]");
        assertThat(parsed.errors().get(1).messageEn()).startsWith("must be one of: HEALTH, CITY, FILLER, ALERT");
    }

    @Test
    void alertEndingBeforeItStartsIsNamed() {
        FieldError e = only(readEdited(t -> at(t, "alerts", "0").put("until", "2026-11-30T00:00:00Z")));
        assertThat(e.path()).isEqualTo("alerts[0].until");
    }

    @Test
    void manifestValidityEndingBeforeGenerationIsNamed() {
        FieldError e = only(readEdited(t -> t.put("validUntil", "2020-01-01T00:00:00Z")));
        assertThat(e.path()).isEqualTo("validUntil");
    }

    @Test
    void duplicateIdsAreReportedAtTheSecondUse() {
        FieldError e = only(readEdited(t -> at(t, "bookings", "2").put("id", "h")));
        assertThat(e.path()).isEqualTo("bookings[2].id");
    }

    @Test
    void badShaAndSharesAndTargetsAreNamed() {
        Parsed<Manifest> parsed = readEdited(t -> {
            at(t, "media", "0").put("sha256", "ABC");
            at(t, "screen").putObject("minSharePercent").put("HEALTH", 70).put("CITY", 40);
            ObjectNode targets = at(t, "bookings", "0", "targets");
            targets.put("allScreens", false);
        });
        assertThat(parsed.errors()).extracting(FieldError::path)
                .containsExactly("screen.minSharePercent", "media[0].sha256", "bookings[0].targets");
    }

    @Test
    void everyErrorIsReportedNotJustTheFirst() {
        Parsed<Manifest> parsed = readEdited(t -> {
            at(t, "screen").put("slotSeconds", 17);
            at(t, "screen").put("timeZone", "Mars/Olympus");
            at(t, "media", "0").remove("sha256");
            at(t, "bookings", "1").put("priority", "high");
        });
        assertThat(parsed.errors()).extracting(FieldError::path).containsExactlyInAnyOrder(
                "screen.slotSeconds", "screen.timeZone", "media[0].sha256", "bookings[1].priority");
    }

    @Test
    void unknownFieldsAreIgnoredSoOldPlayersSurviveNewServers() {
        Parsed<Manifest> parsed = readEdited(t -> {
            t.put("brandNewField", "x");
            at(t, "bookings", "0").putObject("futureOption").put("a", 1);
            at(t, "screen").put("brightness", 80);
        });
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.orElseThrow().bookings()).hasSize(3);
    }

    @Test
    void errorsAreValuesNeverExceptions() {
        for (String bad : List.of("null", "42", "\"text\"", "{\"formatVersion\": 1}", "{\"screen\": []}",
                "{\"media\": {}}", "{\"bookings\": [null, 3]}")) {
            Parsed<Manifest> parsed = ManifestCodec.read(bad);
            assertThat(parsed.isOk()).as(bad).isFalse();
            assertThat(parsed.errors()).as(bad).isNotEmpty();
        }
    }
}
