package dev.supportassistant.platform.ratelimit;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Who a per-client cap counts, for features that cap something per client (open event streams):
 * a customer by their token's user id, a support agent by name, the operator (admin key) as one,
 * anyone else by address (an IPv6 client by its /64, see {@link RequestClients.Client#address}).
 */
@Component
public class ClientKeys {

    private final RequestClients clients;

    ClientKeys(RequestClients clients) {
        this.clients = clients;
    }

    public String of(HttpServletRequest request) {
        RequestClients.Client client = clients.of(request);
        if (client.userId() != null) {
            return "user:" + client.userId();
        }
        if (client.agentName() != null) {
            return "agent:" + client.agentName();
        }
        if (client.admin()) {
            return "admin";
        }
        return "ip:" + client.address();
    }
}
