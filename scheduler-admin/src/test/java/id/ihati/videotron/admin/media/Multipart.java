package id.ihati.videotron.admin.media;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Builds multipart/form-data bodies as a browser sends them. */
final class Multipart {
    final String boundary = "----ihati" + UUID.randomUUID().toString().replace("-", "");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Multipart field(String name, String value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
        write(value);
        write("\r\n");
        return this;
    }

    Multipart fields(Map<String, String> fields) {
        fields.forEach(this::field);
        return this;
    }

    Multipart file(String name, String filename, String contentType, byte[] content) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        out.writeBytes(content);
        write("\r\n");
        return this;
    }

    byte[] build() {
        var copy = new ByteArrayOutputStream();
        copy.writeBytes(out.toByteArray());
        copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return copy.toByteArray();
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** A POST of this body with the session's CSRF token in the header (as the pages' scripts send it). */
    HttpRequest request(String url, String csrf) {
        var b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType())
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(build()));
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return b.build();
    }

    private void write(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
