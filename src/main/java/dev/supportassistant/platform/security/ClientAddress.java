package dev.supportassistant.platform.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

/**
 * The address of the client behind a request. {@code X-Forwarded-For} is believed only when the
 * request comes from one of {@code TRUSTED_PROXIES} (addresses or CIDR ranges); otherwise anyone
 * could pick their own address and escape their rate limit. All of its lines are read, as one list
 * (HAProxy's {@code option forwardfor} adds a line of its own after the client's), and walked from
 * the nearest hop outwards; only IP literals count as hops: anything else a client wrote ends the
 * walk at the last trusted proxy, which then stands for the client.
 *
 * <p>Limits count an IPv6 client by its /64 network ({@link #key}): one subscriber gets a whole
 * /64 and can rotate through its 2^64 addresses, each of which would otherwise be a client of its own.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request, List<String> trustedProxies) {
        String address = request.getRemoteAddr();
        if (!isTrusted(address, trustedProxies)) {
            return address;
        }
        List<String> hops = new ArrayList<>();
        for (String line : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : line.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        // Walk from the nearest hop outwards; the first address that is not a trusted proxy is the client.
        String nearestTrusted = address;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!isIpLiteral(hop)) {
                return nearestTrusted;
            }
            if (!isTrusted(hop, trustedProxies)) {
                return hop;
            }
            nearestTrusted = hop;
        }
        return nearestTrusted;
    }

    /** An IPv4 or IPv6 address written as such (at most 45 characters), never a name to resolve. */
    private static boolean isIpLiteral(String hop) {
        try {
            return hop.length() <= 45 && literal(hop) != null;
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
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

    /**
     * The bytes of an IP literal, without ever asking DNS about a forged header value: only a
     * dotted quad or a text with a colon (which Java parses as an IPv6 literal, never as a name)
     * reaches {@link InetAddress#getByName}; {@code beef} or {@code 300.1.1.1} would be looked up.
     */
    private static byte @Nullable [] literal(String address) throws UnknownHostException {
        boolean v4 = address.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                && Arrays.stream(address.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        boolean v6 = address.indexOf(':') >= 0 && address.matches("[0-9a-fA-F:.]+");
        return v4 || v6 ? InetAddress.getByName(address).getAddress() : null;
    }
}
