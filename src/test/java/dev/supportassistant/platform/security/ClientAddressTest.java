package dev.supportassistant.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Who the client is behind {@code TRUSTED_PROXIES}, and that rate limits and caps count an IPv6
 * client by its /64: one subscriber's allocation.
 */
class ClientAddressTest {

    @Test
    void addressesOfOneSlash64AreOneClient() {
        assertThat(ClientAddress.key("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64")
                .isEqualTo(ClientAddress.key("2001:db8:1:2:ffff:ffff:ffff:fffe"))
                .isEqualTo(ClientAddress.key("2001:0db8:0001:0002:0000:0000:0000:0009"));
    }

    @Test
    void neighbouringSlash64sAreDifferentClients() {
        assertThat(ClientAddress.key("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.key("2001:db8:1:2::1"));
    }

    @Test
    void ipv4AddressesStayWholeAndMappedOnesCountAsTheirIpv4Address() {
        assertThat(ClientAddress.key("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.key("203.0.113.8")).isNotEqualTo(ClientAddress.key("203.0.113.7"));
        assertThat(ClientAddress.key("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void anythingElseIsKeptAsGiven() {
        assertThat(ClientAddress.key("unknown")).isEqualTo("unknown");
    }

    private static final List<String> PROXY = List.of("10.0.0.5");

    private static MockHttpServletRequest viaProxy(String... forwardedForLines) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/chat");
        request.setRemoteAddr("10.0.0.5");
        for (String line : forwardedForLines) {
            request.addHeader("X-Forwarded-For", line);
        }
        return request;
    }

    @Test
    void everyLineOfXForwardedForIsReadAsOneList() {
        // The client's own line first, then the line HAProxy's "option forwardfor" adds with the address it saw.
        assertThat(ClientAddress.of(viaProxy("198.51.100.1", "203.0.113.9"), PROXY)).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.of(viaProxy("198.51.100.1, 198.51.100.2", "203.0.113.9"), PROXY))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void aHopThatIsNoIpAddressEndsTheWalkAtTheLastTrustedHop() {
        assertThat(ClientAddress.of(viaProxy("unknown"), PROXY)).isEqualTo("10.0.0.5");
        assertThat(ClientAddress.of(viaProxy("203.0.113.9, _hidden"), PROXY)).isEqualTo("10.0.0.5");
        assertThat(ClientAddress.of(viaProxy("x".repeat(400) + ", 203.0.113.9"), PROXY)).isEqualTo("203.0.113.9");
    }

    @Test
    void fromAnUntrustedAddressTheHeaderIsIgnored() {
        MockHttpServletRequest request = viaProxy("198.51.100.1");
        request.setRemoteAddr("192.0.2.44");

        assertThat(ClientAddress.of(request, PROXY)).isEqualTo("192.0.2.44");
    }
}
