package dev.supportassistant.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address of the client behind a request. {@code X-Forwarded-For} is believed only when the
 * request comes from one of {@code TRUSTED_PROXIES} (addresses or CIDR ranges); otherwise anyone
 * could pick their own address and escape their rate limit.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServletRequest request, List<String> trustedProxies) {
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
    private static byte[] literal(String address) throws UnknownHostException {
        return address.matches("[0-9a-fA-F:.]+") ? InetAddress.getByName(address).getAddress() : null;
    }
}
