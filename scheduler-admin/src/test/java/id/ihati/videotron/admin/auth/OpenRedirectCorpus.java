package id.ihati.videotron.admin.auth;

import java.util.List;

/** Known open-redirect bypasses and other non-local values (each must go home) and local paths (each must be kept), for the tests. */
final class OpenRedirectCorpus {
    static final List<String> REFUSED = List.of(
            "//evil.example", "///evil.example", "////evil.example", "//evil.example/%2F..",
            "/\\evil.example", "\\\\evil.example", "\\/evil.example", "/\\/evil.example",
            "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "\t//evil.example", " //evil.example",
            "/\t\\evil.example", "\u0000//evil.example", "\u001f//evil.example", "//\tevil.example",
            "https://evil.example", "HTTPS://evil.example", "https:/evil.example", "https:evil.example",
            "http:\\\\evil.example", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>", "evil.example", "evil.example/path",
            "/%2F/evil.example", "/%2f%2fevil.example", "/%5Cevil.example", "/%5C%5Cevil.example",
            "/%09/evil.example", "/%0A/evil.example", "/%0d%0a/evil.example", "%2F%2Fevil.example",
            "/%252F%252Fevil.example", "/%25252F%25252Fevil.example", "/%2F%5Cevil.example",
            "/.//evil.example", "/./evil.example", "/../evil.example", "/media/../..//evil.example",
            "/%2e%2e/%2e%2e//evil.example", "/%2e/evil.example",
            "/\u3000/evil.example", "/\uff0f/evil.example", "/\u2025/evil.example", "/\u0000/evil.example",
            "/media\u202e", "/ /evil.example", "/%00//evil.example", "",
            "   ", "?next=//evil.example", "#//evil.example", "@evil.example", "/\u007f/evil.example");

    static final List<String> LOCAL = List.of("/", "/media", "/media?status=PENDING&q=abc",
            "/bookings/abc-123/edit", "/media/x/slide.png?w=320&h=160", "/audit?page=2", "/screens#pairing",
            "/media?q=http://evil.example", "/@evil.example", "/media%20baru");

    private OpenRedirectCorpus() {
    }
}
