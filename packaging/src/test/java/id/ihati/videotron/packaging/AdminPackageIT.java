package id.ihati.videotron.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's Debian package (built by this module's {@code package} phase with jdeb), installed by dpkg into a
 * throw-away root with its real maintainer scripts, and its installed binary run as its service user.
 */
class AdminPackageIT {
    private static final Path DEB = Commands.packages().resolve("ihati-admin.deb");
    private static final Pattern PASSWORD = Pattern.compile("password: (\\S+)");

    @Test
    void thePackageHoldsTheServiceItsSettingsAsAConffileAndItsMaintainerScripts() {
        String files = Commands.ok("dpkg-deb", "-c", DEB.toString());
        assertThat(files).containsPattern("-rwxr-xr-x root/root .* \\./usr/bin/ihati-admin\n")
                .containsPattern("-rw-r--r-- root/root .* \\./usr/share/ihati-admin/scheduler-admin-all\\.jar\n")
                .containsPattern("-rw-r--r-- root/root .* \\./lib/systemd/system/ihati-admin\\.service\n")
                .containsPattern("-rw-r----- root/root .* \\./etc/ihati/admin\\.properties\n")
                .contains("./usr/lib/sysusers.d/ihati-admin.conf", "./usr/lib/tmpfiles.d/ihati-admin.conf",
                        "./usr/share/doc/ihati-admin/operations.md", "./usr/share/doc/ihati-admin/nginx-ihati.conf")
                .as("the data directory is made by postinst, so that dpkg never owns (or removes) the data")
                .doesNotContain("./var/lib/ihati");
        String info = Commands.ok("dpkg-deb", "-I", DEB.toString());
        assertThat(info).contains(" Package: ihati-admin\n", " Architecture: all\n",
                " Depends: openjdk-17-jre-headless | java17-runtime-headless, systemd\n");
        assertThat(info).containsPattern("\\* +postinst").containsPattern("\\* +prerm").containsPattern("\\* +postrm");
        assertThat(Commands.ok("dpkg-deb", "-f", DEB.toString(), "Version")).matches("0\\.1\\.0~\\d{14}\n");
        assertThat(Commands.ok("dpkg-deb", "--info", DEB.toString(), "conffiles"))
                .isEqualTo("/etc/ihati/admin.properties\n");
    }

    @Test
    void theUnitLoadsWithoutAWarningAndKeepsItsHardening(@TempDir Path work) {
        DebRoot root = DebRoot.create(work);
        root.install(DEB);
        Path unit = root.path("/lib/systemd/system/ihati-admin.service");
        // verify checks that ExecStart exists: in a mount namespace of its own, /usr/bin shows the installed
        // launcher on top of the host's programs (an overlay, gone with the namespace).
        Commands verify = Commands.run("unshare", "--mount", "sh", "-c",
                "mount -t overlay overlay -o lowerdir=" + root.path("/usr/bin") + ":/usr/bin /usr/bin"
                        + " && systemd-analyze verify " + unit);
        assertThat(verify.output()).as("systemd-analyze verify said").isEmpty();
        assertThat(verify.exit()).isZero();
        // systemd's own score of what the service may do (0 = nothing, 10 = everything); 3.0 today. A hardening
        // line lost (ProtectSystem, PrivateDevices, the empty capability set, ...) takes it above 3.5.
        Commands security = Commands.run("systemd-analyze", "security", "--offline=yes", "--threshold=35",
                unit.toString());
        assertThat(security.exit()).as(security.output()).isZero();
        assertThat(security.output()).contains("Overall exposure level for ihati-admin.service: 3.0 OK");
    }

    @Test
    void installedIntoAnEmptyRootItMakesItsUserAndDirectoriesAndItsBinaryServesAsThatUser(@TempDir Path work)
            throws Exception {
        DebRoot root = DebRoot.create(work);
        assertThat(root.install(DEB)).contains("Setting up ihati-admin (");
        int[] ihati = root.user("ihati").orElseThrow(() -> new AssertionError("postinst made no user ihati"));
        assertThat(ihati[0]).as("a system user").isBetween(1, 999);
        assertOwned(root.path("/var/lib/ihati"), ihati[0], ihati[1], "rwxr-x---");
        assertOwned(root.path("/etc/ihati/admin.properties"), 0, ihati[1], "rw-r-----");
        assertOwned(root.path("/var/backups/ihati"), ihati[0], ihati[1], "rwxr-x---");

        pointSettingsInto(root);
        try (var server = InstalledServer.start(root, work.resolve("server.log"))) {
            var health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl + "/healthz"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"ok\"");
            assertThat(server.stop()).as("SuccessExitStatus=143: a stop is not a failure").isEqualTo(143);
        }
        assertThat(root.path("/var/lib/ihati/db")).as("the database in the data directory").isDirectory();
        assertThat(Files.getAttribute(root.path("/var/lib/ihati/db"), "unix:uid")).isEqualTo(ihati[0]);
    }

    @Test
    void aNewerPackageOverAnOlderOneKeepsTheDataTheEditedSettingsAndTheUser(@TempDir Path work) throws Exception {
        DebRoot root = DebRoot.create(work);
        root.install(DEB);
        int[] before = root.user("ihati").orElseThrow();
        String settings = pointSettingsInto(root);
        String password;
        try (var server = InstalledServer.start(root, work.resolve("first.log"))) {
            Matcher m = PASSWORD.matcher(server.log());
            assertThat(m.find()).as("the first start prints the admin password:\n" + server.log()).isTrue();
            password = m.group(1);
            assertThat(signIn(server.baseUrl, password)).as("signed in with the printed password").isTrue();
        }

        String old = root.version("ihati-admin");
        Path newer = DebRoot.withHigherVersion(DEB, "+1", work);
        String upgrade = root.install(newer);
        assertThat(upgrade).contains("Unpacking ihati-admin (" + old + "+1) over (" + old + ")");
        assertThat(root.version("ihati-admin")).isEqualTo(old + "+1");
        assertThat(Files.readString(root.path("/etc/ihati/admin.properties"))).as("the administrator's settings")
                .isEqualTo(settings);
        assertThat(root.user("ihati").orElseThrow()).as("the same user, the same uid").isEqualTo(before);

        try (var server = InstalledServer.start(root, work.resolve("second.log"))) {
            assertThat(server.log()).as("the database was kept: no new first admin")
                    .doesNotContain("first admin account");
            assertThat(signIn(server.baseUrl, password)).as("the account from before the upgrade").isTrue();
        }
    }

    /** What an administrator does after installing: edits the conffile (here: into the root, any free port). */
    private static String pointSettingsInto(DebRoot root) throws Exception {
        Path file = root.path("/etc/ihati/admin.properties");
        String text = Files.readString(file).replace("port=7070", "port=0")
                .replace("data-dir=/var/lib/ihati", "data-dir=" + root.path("/var/lib/ihati"));
        Files.writeString(file, text);
        return text;
    }

    private static void assertOwned(Path p, int uid, int gid, String mode) throws Exception {
        var a = Files.readAttributes(p, PosixFileAttributes.class);
        assertThat(Files.getAttribute(p, "unix:uid")).as(p + " uid").isEqualTo(uid);
        assertThat(Files.getAttribute(p, "unix:gid")).as(p + " gid").isEqualTo(gid);
        assertThat(PosixFilePermissions.toString(a.permissions())).as(p + " mode").isEqualTo(mode);
    }

    /** Signs in as admin through the login form; true when the server let the account in. */
    private static boolean signIn(String baseUrl, String password) throws Exception {
        var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("login form has a CSRF token").isTrue();
        String form = "_csrf=" + enc(csrf.group(1)) + "&next=%2F&username=admin&password=" + enc(password);
        var r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").contains("/password");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
