package dev.supportassistant.platform.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import dev.supportassistant.platform.ratelimit.RequestClients;

/**
 * Tells the rate limits who a request's client is: the {@link Caller} the request proves, and its
 * address behind {@code TRUSTED_PROXIES}, an IPv6 one by its /64 ({@link ClientAddress#key}).
 */
@Component
class CallerClients implements RequestClients {

    private final CallerResolver callers;
    private final SecuritySettings security;

    CallerClients(CallerResolver callers, SecuritySettings security) {
        this.callers = callers;
        this.security = security;
    }

    @Override
    public Client of(HttpServletRequest request) {
        Caller caller = callers.resolve(request);
        return new Client(caller.userId(), caller.agentName(), caller.admin(),
                ClientAddress.key(ClientAddress.of(request, security.trustedProxies())));
    }
}
