package dev.supportassistant.platform.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Who a limit counts for a client address ({@link TrustedProxies} made it the client's): an IPv6
 * client by its /64 network, since one subscriber gets a whole /64 and could otherwise rotate
 * through 2^64 addresses, each a client of its own.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * An IPv4 address as it is, an IPv6 address by its /64 network (written {@code 2001:db8:1:2::/64}),
     * an IPv4-mapped IPv6 address as the IPv4 address it maps; anything else as given.
     */
    static String key(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return address;
        }
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        StringBuilder network = new StringBuilder();
        for (int group = 0; group < 4; group++) {
            network.append(Integer.toHexString(((bytes[2 * group] & 0xff) << 8) | (bytes[2 * group + 1] & 0xff)))
                    .append(':');
        }
        return network.append(":/64").toString();
    }

    /**
     * The bytes of an IP literal, never asking DNS: only a dotted quad or a text with a colon (which
     * Java parses as an IPv6 literal, never as a name) reaches {@link InetAddress#getByName}.
     */
    private static byte @Nullable [] literal(String address) {
        boolean v4 = address.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                && Arrays.stream(address.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        boolean v6 = address.indexOf(':') >= 0 && address.matches("[0-9a-fA-F:.]+");
        try {
            return v4 || v6 ? InetAddress.getByName(address).getAddress() : null;
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }
}
