package dev.supportassistant.platform;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import dev.supportassistant.security.Caller;
import dev.supportassistant.security.CallerResolver;
import dev.supportassistant.security.ClientAddress;
import dev.supportassistant.security.SecuritySettings;

/**
 * Who a per-client cap counts, for features that cap something per client (open event streams):
 * a customer by their token's user id, a support agent by name, the operator (admin key) as one,
 * anyone else by address, an IPv6 client by its /64 ({@link ClientAddress#key}).
 */
@Component
public class ClientKeys {

    private final CallerResolver callers;
    private final SecuritySettings security;

    ClientKeys(CallerResolver callers, SecuritySettings security) {
        this.callers = callers;
        this.security = security;
    }

    public String of(HttpServletRequest request) {
        Caller caller = callers.resolve(request);
        if (caller.userId() != null) {
            return "user:" + caller.userId();
        }
        if (caller.agentName() != null) {
            return "agent:" + caller.agentName();
        }
        if (caller.admin()) {
            return "admin";
        }
        return "ip:" + ClientAddress.key(ClientAddress.of(request, security.trustedProxies()));
    }
}
