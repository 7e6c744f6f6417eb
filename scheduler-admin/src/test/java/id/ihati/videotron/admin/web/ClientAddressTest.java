package id.ihati.videotron.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    static final ClientAddress NONE = new ClientAddress(List.of());
    static final ClientAddress PROXIES = new ClientAddress(List.of("127.0.0.1", "10.0.0.0/8", "fd00::/8"));

    @Test
    void withNoTrustedProxyTheHeaderIsIgnored() {
        assertThat(NONE.resolve("127.0.0.1", List.of("203.0.113.7"))).isEqualTo("127.0.0.1");
    }

    @Test
    void fromAnUntrustedPeerTheHeaderIsIgnored() {
        assertThat(PROXIES.resolve("198.51.100.9", List.of("203.0.113.7"))).isEqualTo("198.51.100.9");
    }

    @Test
    void behindATrustedProxyTheClientIsTheAddressItSaw() {
        assertThat(PROXIES.resolve("127.0.0.1", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(PROXIES.resolve("127.0.0.1", List.of())).as("no header").isEqualTo("127.0.0.1");
    }

    @Test
    void whatTheClientWroteItselfLeftOfTheProxysEntryIsIgnored() {
        assertThat(PROXIES.resolve("127.0.0.1", List.of("6.6.6.6, 203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(PROXIES.resolve("127.0.0.1", List.of("6.6.6.6", "203.0.113.7"))).as("two header lines")
                .isEqualTo("203.0.113.7");
        assertThat(PROXIES.resolve("127.0.0.1", List.of("not-an-address, 203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void aChainOfTrustedProxiesIsWalkedToTheFirstUntrustedHop() {
        assertThat(PROXIES.resolve("127.0.0.1", List.of("6.6.6.6, 203.0.113.7, 10.1.2.3"))).isEqualTo("203.0.113.7");
        assertThat(PROXIES.resolve("10.9.9.9", List.of("2001:db8::1, fd00::5"))).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void garbageWhereTheProxyWritesKeepsTheLastAddressAProxyVouchedFor() {
        assertThat(PROXIES.resolve("127.0.0.1", List.of("203.0.113.7, <script>"))).isEqualTo("127.0.0.1");
        assertThat(PROXIES.resolve("127.0.0.1", List.of("999.1.1.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void portsAsSomeProxiesWriteThemAreDropped() {
        assertThat(PROXIES.resolve("127.0.0.1", List.of("203.0.113.7:5555"))).isEqualTo("203.0.113.7");
        assertThat(PROXIES.resolve("127.0.0.1", List.of("[2001:db8::1]:443"))).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void trustedProxiesMustBeAddressesOrRangesNotNames() {
        assertThatThrownBy(() -> ClientAddress.check("proxy.local")).hasMessageContaining("proxy.local");
        assertThatThrownBy(() -> ClientAddress.check("10.0.0.0/33")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> ClientAddress.check("fd00::/x")).hasMessageContaining("prefix");
        ClientAddress.check("::1");
        ClientAddress.check("192.168.0.0/16");
    }
}
