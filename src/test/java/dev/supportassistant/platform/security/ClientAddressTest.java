package dev.supportassistant.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rate limits and caps count an IPv6 client by its /64: one subscriber's allocation. */
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
}
