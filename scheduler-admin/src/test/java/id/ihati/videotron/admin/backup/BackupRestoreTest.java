package id.ihati.videotron.admin.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ihati.videotron.admin.testing.ChildServer;
import id.ihati.videotron.admin.testing.KillablePostgres;
import id.ihati.videotron.admin.testing.WebClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup --to DIR} of a running server (a child process with demo content and a new slide, while a
 * contributor keeps creating slides), then
 * {@code restore --from DIR} into a new data directory (and, on PostgreSQL, a new empty database), then a server
 * started there serves the same media items with the same files, and the same accounts sign in.
 * It owns its server processes ({@code ChildServer}), not the shared {@code TestAdmin}: {@code backup} and
 * {@code restore} are commands of the server's own program, run beside and after it.
 */
class BackupRestoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aRunningH2ServerIsBackedUpAndRestoredWithItsDataAndMedia() throws Exception {
        roundTrip(List.of(), List.of());
    }

    @Test
    void aRunningPostgresServerIsBackedUpAndRestoredIntoAnEmptyDatabase() throws Exception {
        try (var postgres = KillablePostgres.start(tmp.resolve("pgdata"))) {
            List<String> source = List.of("--jdbc-url", postgres.createDatabase("ihati_live"), "--db-user",
                    "postgres", "--db-password", "postgres");
            List<String> target = List.of("--jdbc-url", postgres.createDatabase("ihati_restored"), "--db-user",
                    "postgres", "--db-password", "postgres");
            roundTrip(source, target);
        }
    }

    @Test
    void aStoppedH2ServerIsBackedUpDirectlyAndMistakesAreNamed() throws Exception {
        Path data = tmp.resolve("stopped");
        try (var pool = id.ihati.videotron.admin.db.Database.pool(id.ihati.videotron.admin.AdminConfig.of(0, data).database())) {
            id.ihati.videotron.admin.db.Database.migrate(pool);
        }
        String out = command(0, List.of("backup", "--to", tmp.resolve("b").toString(), "--data-dir", data.toString()));
        assertThat(out).contains("h2 database");
        assertThat(tmp.resolve("b").resolve("database.zip")).exists();

        assertThat(command(2, List.of("backup", "--data-dir", data.toString()))).contains("--to DIR is required");
        assertThat(command(1, List.of("backup", "--to", tmp.resolve("c").toString(), "--data-dir",
                tmp.resolve("typo").toString()))).contains("no database in");
        assertThat(command(1, List.of("backup", "--to", tmp.resolve("b").toString(), "--data-dir", data.toString())))
                .contains("backup directory is not empty");
        assertThat(command(1, List.of("restore", "--from", tmp.resolve("b").toString(), "--data-dir",
                tmp.resolve("r").toString(), "--jdbc-url", "jdbc:postgresql://localhost/x")))
                .contains("the backup is of h2");
    }

    private void roundTrip(List<String> sourceDb, List<String> targetDb) throws Exception {
        Path live = tmp.resolve("live");
        Path backup = tmp.resolve("backup");
        Path restored = tmp.resolve("restored");
        Map<String, byte[]> before;
        java.util.Set<String> liveAfter;
        try (var server = ChildServer.start(tmp.resolve("live.log"),
                concat(List.of("--port", "0", "--data-dir", live.toString(), "--demo"), sourceDb))) {
            var dinkes = new WebClient(server.baseUrl());
            dinkes.login("dinkes", "dinkes-demo-2026");
            var slide = dinkes.json("POST", "/api/v1/media/slides", """
                    {"slideTitle": "Sebelum cadangan", "text": "Ada di cadangan", "background": "#0d47a1",
                     "foreground": "#ffffff", "category": "HEALTH"}""");
            assertThat(slide.statusCode()).as(slide.body()).isEqualTo(201);
            before = mediaWithFiles(dinkes);
            assertThat(before).containsKey(JSON.readTree(slide.body()).get("id").asText());

            // A contributor keeps creating slides while the backup is taken: the server stays in use.
            var stop = new AtomicBoolean();
            var contributor = new WebClient(server.baseUrl());
            contributor.login("puskesmas.citangkil", "citangkil-demo-2026");
            var during = new AtomicInteger();
            var refused = new java.util.concurrent.atomic.AtomicReference<String>();
            var writer = new Thread(() -> {
                while (!stop.get() && during.get() < 100 && refused.get() == null) {
                    var r = contributor.json("POST", "/api/v1/media/slides", """
                            {"slideTitle": "Selama cadangan", "text": "Ditulis selama cadangan", "background": "#1b5e20",
                             "foreground": "#ffffff", "category": "HEALTH"}""");
                    if (r.statusCode() == 201) {
                        during.incrementAndGet();
                    } else {
                        refused.set(r.statusCode() + " " + r.body());
                    }
                }
            });
            writer.start();
            while (during.get() == 0 && refused.get() == null && writer.isAlive()) {
                writer.join(20); // until the first slide is in: the backup starts among writes
            }
            String out;
            try {
                out = command(0, concat(List.of("backup", "--to", backup.toString(), "--data-dir",
                        live.toString()), sourceDb));
            } finally {
                stop.set(true);
                writer.join();
            }
            assertThat(out).contains("Backup written to " + backup);
            assertThat(refused.get()).as("a slide refused during the backup").isNull();
            assertThat(during.get()).as("slides created during the backup").isPositive();
            liveAfter = mediaWithFiles(dinkes).keySet();
        }
        assertThat(backup.resolve("backup.properties")).exists();

        String out = command(0, concat(List.of("restore", "--from", backup.toString(), "--data-dir",
                restored.toString()), targetDb));
        assertThat(out).contains("Restored from " + backup);
        // a second restore into the same place is refused: nothing is overwritten
        command(1, concat(List.of("restore", "--from", backup.toString(), "--data-dir", restored.toString()),
                targetDb));

        try (var server = ChildServer.start(tmp.resolve("restored.log"),
                concat(List.of("--port", "0", "--data-dir", restored.toString()), targetDb))) {
            var dinkes = new WebClient(server.baseUrl());
            dinkes.login("dinkes", "dinkes-demo-2026");
            Map<String, byte[]> after = mediaWithFiles(dinkes);
            // everything from before the backup, maybe some slides made during it, nothing that never existed
            assertThat(after.keySet()).containsAll(before.keySet());
            assertThat(liveAfter).containsAll(after.keySet());
            before.forEach((id, bytes) -> assertThat(after.get(id)).as("file of " + id).isEqualTo(bytes));
            assertThat(server.log()).doesNotContain("generated password"); // the accounts came back, no first start
        }
    }

    /** Every media item's id and the bytes of its file as the server serves them (a slide: its text). */
    private static Map<String, byte[]> mediaWithFiles(WebClient c) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        JsonNode items = JSON.readTree(c.get("/api/v1/media?limit=500").body()).get("items");
        assertThat(items).isNotEmpty();
        for (JsonNode m : items) {
            if (m.get("fileUrl").isNull()) { // a slide: drawn per screen from its stored text
                out.put(m.get("id").asText(), m.get("slide").toString().getBytes(StandardCharsets.UTF_8));
                continue;
            }
            var file = c.http().send(HttpRequest.newBuilder(URI.create(c.base() + m.get("fileUrl").asText())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).as(m.get("fileUrl").asText()).isEqualTo(200);
            out.put(m.get("id").asText(), file.body());
        }
        return out;
    }

    /** Runs {@code Main}'s backup or restore command in this JVM, expecting {@code status}; returns its output. */
    private static String command(int status, List<String> args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = BackupCommand.run(args.toArray(String[]::new),
                rest -> id.ihati.videotron.admin.AdminConfig.fromArgs(rest, Map.of()).database(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isEqualTo(status);
        return text;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
