package dev.supportassistant.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

/**
 * The address of the client behind a request. {@code X-Forwarded-For} is believed only when the
 * request comes from one of {@code TRUSTED_PROXIES} (addresses or CIDR ranges); otherwise anyone
 * could pick their own address and escape their rate limit.
 *
 * <p>Limits count an IPv6 client by its /64 network ({@link #key}): one subscriber gets a whole
 * /64 and can rotate through its 2^64 addresses, each of which would otherwise be a client of its own.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request, List<String> trustedProxies) {
        String address = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !isTrusted(address, trustedProxies)) {
            return address;
        }
        // Walk from the nearest hop outwards; the first address that is not a trusted proxy is the client.
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !isTrusted(hop, trustedProxies)) {
                return hop;
            }
        }
        return address;
    }

    /**
     * Who a limit counts: an IPv4 address as it is, an IPv6 address by its /64 network (written
     * {@code 2001:db8:1:2::/64}), an IPv4-mapped IPv6 address as the IPv4 address it maps.
     * Anything that is not an IP literal is kept as given.
     */
    public static String key(String address) {
        byte[] bytes;
        try {
            bytes = literal(address);
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
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

    static boolean isTrusted(String address, List<String> trustedProxies) {
        return trustedProxies.stream().anyMatch(proxy -> matches(address, proxy));
    }

    private static boolean matches(String address, String proxy) {
        try {
            String[] parts = proxy.split("/", 2);
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] candidate = literal(address);
            if (candidate == null || candidate.length != network.length) {
                return false;
            }
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((network[bit / 8] & mask) != (candidate[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }

    /** Whether a {@code TRUSTED_PROXIES} entry is an IP address, or one with a prefix length (a CIDR range). */
    static boolean isAddressOrRange(String proxy) {
        try {
            String[] parts = proxy.split("/", 2);
            boolean literal = parts[0].matches("\\d{1,3}(\\.\\d{1,3}){3}")
                    && Arrays.stream(parts[0].split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255)
                    || parts[0].contains(":") && parts[0].matches("[0-9a-fA-F:.]+");
            if (!literal) {
                return false; // a host name: never resolved, a forged header could not match it anyway
            }
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            return parts.length == 1 || parts[1].matches("\\d{1,3}") && Integer.parseInt(parts[1]) <= network.length * 8;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The bytes of an IP literal, without ever asking DNS about a forged header value. */
    private static byte @Nullable [] literal(String address) throws UnknownHostException {
        return address.matches("[0-9a-fA-F:.]+") ? InetAddress.getByName(address).getAddress() : null;
    }
}
