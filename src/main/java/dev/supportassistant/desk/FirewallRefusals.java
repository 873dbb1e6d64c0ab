package dev.supportassistant.desk;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Spring Security's firewall checks every request, the API's too, before any controller: a URL
 * with an encoded {@code ;}, {@code /} or {@code %}, or a header it cannot trust, is refused. This
 * answers such a refusal as the API answers bad input, a 400 problem detail, instead of a bare
 * error page; the URL is not echoed.
 */
@Component
class FirewallRefusals implements RequestRejectedHandler {

    static final String DETAIL = "The request's URL or headers hold characters this service does not accept "
            + "(such as an encoded ';', '/' or '%')";

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            RequestRejectedException refused) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\""
                + DETAIL.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
