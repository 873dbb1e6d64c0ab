package dev.supportassistant.platform.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import dev.supportassistant.platform.ratelimit.RequestClients;

/** Tells the rate limits who a request's client is: its {@link Caller}, and its address as {@link ClientAddress#key}. */
@Component
class CallerClients implements RequestClients {

    @Override
    public Client of(HttpServletRequest request) {
        Caller caller = Caller.current();
        return new Client(caller.userId(), caller.agentName(), caller.admin(), ClientAddress.key(request.getRemoteAddr()));
    }
}
