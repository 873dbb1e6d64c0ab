package dev.supportassistant.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rate limits and caps count an IPv6 client by its /64: one subscriber's allocation. */
class AddressKeyTest {

    @Test
    void addressesOfOneSlash64AreOneClient() {
        assertThat(CallerResolver.addressKey("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2:0:0:0:0/64")
                .isEqualTo(CallerResolver.addressKey("2001:db8:1:2:ffff:ffff:ffff:fffe"))
                .isEqualTo(CallerResolver.addressKey("2001:0db8:0001:0002:0000:0000:0000:0009"));
    }

    @Test
    void neighbouringSlash64sAreDifferentClients() {
        assertThat(CallerResolver.addressKey("2001:db8:1:3::1"))
                .isNotEqualTo(CallerResolver.addressKey("2001:db8:1:2::1"));
    }

    @Test
    void ipv4AddressesStayWholeAndMappedOnesCountAsTheirIpv4Address() {
        assertThat(CallerResolver.addressKey("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(CallerResolver.addressKey("203.0.113.8")).isNotEqualTo(CallerResolver.addressKey("203.0.113.7"));
        assertThat(CallerResolver.addressKey("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void anythingElseIsKeptAsGiven() {
        assertThat(CallerResolver.addressKey("unknown")).isEqualTo("unknown");
    }
}
