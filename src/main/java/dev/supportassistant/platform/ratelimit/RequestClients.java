package dev.supportassistant.platform.ratelimit;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

/**
 * Who sent a request, as far as it proves it: told to this module by the one that authenticates
 * requests, so that limits need nothing of how callers prove who they are (and that module may use
 * this one's limiters without a cycle between the two).
 */
public interface RequestClients {

    /** The client behind {@code request}; asked once or twice per limited request, so keep it cheap. */
    Client of(HttpServletRequest request);

    /**
     * A request's client.
     *
     * @param userId the subject of a valid customer token
     * @param agentName the subject of a valid support-agent token
     * @param admin whether the request carries the operator's admin key
     * @param address the client's address as limits count it: behind a trusted proxy the forwarded
     *     one, an IPv6 address by its /64 network (one subscriber holds a whole /64)
     */
    record Client(@Nullable String userId, @Nullable String agentName, boolean admin, String address) {

        /** Who a per-client cap counts: a customer, a support agent, the operator as one, else the address. */
        public String key() {
            return userId != null ? "user:" + userId
                    : agentName != null ? "agent:" + agentName
                    : admin ? "admin" : "ip:" + address;
        }
    }
}
