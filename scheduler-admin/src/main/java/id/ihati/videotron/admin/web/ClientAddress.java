package id.ihati.videotron.admin.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address of the client behind a request, for login throttling, rate limits and the audit log: the direct
 * peer, unless the peer is one of the trusted reverse proxies. Then it is the nearest address in
 * {@code X-Forwarded-For} that is not a trusted proxy: each proxy appends the address it saw, so what stands left
 * of the first untrusted entry is the client's to invent. With no trusted proxies (the default) the header is
 * ignored, so a client cannot pick its own address.
 */
public final class ClientAddress {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private final List<Range> trusted;

    /** An address or a CIDR range, e.g. {@code 10.0.0.5}, {@code 10.0.0.0/8}, {@code fd00::/8}. */
    record Range(byte[] network, int prefix) {
        static Range parse(String text) {
            String s = text.strip();
            int slash = s.indexOf('/');
            InetAddress a = literal(slash < 0 ? s : s.substring(0, slash));
            if (a == null) {
                throw new IllegalArgumentException("not an IP address or CIDR range: \"" + text + "\"");
            }
            int bits = a.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(s.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("bad prefix length in \"" + text + "\" (0-" + bits + ")");
                }
            }
            return new Range(a.getAddress(), prefix);
        }

        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != network.length) {
                return false;
            }
            for (int i = 0; i < prefix; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((b[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * @param trustedProxies addresses or CIDR ranges of the reverse proxies in front of this server
     * @throws IllegalArgumentException for an entry that is not an IP address or range (no host names: they
     *                                  would need DNS on every request)
     */
    public ClientAddress(List<String> trustedProxies) {
        var ranges = new ArrayList<Range>();
        trustedProxies.forEach(t -> ranges.add(Range.parse(t)));
        this.trusted = List.copyOf(ranges);
    }

    /** Checks one {@code trustedProxies} entry; throws IllegalArgumentException saying what is wrong. */
    public static void check(String trustedProxy) {
        Range.parse(trustedProxy);
    }

    /** The client address of this request (Javalin's {@code ctx.ip()} is set to this). */
    public String of(Context ctx) {
        return resolve(ctx.req().getRemoteAddr(), Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
    }

    /** The client address, given the direct peer and the {@code X-Forwarded-For} header lines in order. Pure. */
    String resolve(String peer, List<String> forwardedFor) {
        InetAddress direct = literal(peer);
        if (direct == null || !trusted(direct)) {
            return peer;
        }
        var hops = new ArrayList<String>();
        forwardedFor.forEach(line -> hops.addAll(List.of(line.split(","))));
        String client = direct.getHostAddress();
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                return client; // garbage: keep the last address a trusted proxy vouched for
            }
            client = hop.getHostAddress();
            if (!trusted(hop)) {
                return client;
            }
        }
        return client;
    }

    private boolean trusted(InetAddress a) {
        return trusted.stream().anyMatch(r -> r.contains(a));
    }

    /**
     * An IPv4 or IPv6 literal, with an optional port ({@code 1.2.3.4:80}, {@code [::1]:80}) as some proxies
     * write it; null for anything else. Never asks DNS.
     */
    static InetAddress literal(String text) {
        String s = text == null ? "" : text.strip();
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            s = end < 0 ? "" : s.substring(1, end);
        } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':') && s.contains(".")) {
            s = s.substring(0, s.indexOf(':'));
        }
        if (IPV4.matcher(s).matches()) {
            for (String octet : s.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        } else if (!IPV6.matcher(s).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(s); // a literal by the checks above: parsed, not looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
