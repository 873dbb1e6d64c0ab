package dev.supportassistant.desk;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import dev.supportassistant.platform.security.SecuritySettings;

/**
 * Marks a request secure when a proxy among {@code TRUSTED_PROXIES} says it received it over
 * HTTPS ({@code X-Forwarded-Proto: https}), so that Tomcat gives the desk's session cookie the
 * {@code Secure} attribute behind a TLS-terminating proxy as it does for its own HTTPS. Nothing
 * else of the request changes (the client address stays the API's business, see ClientAddress);
 * anyone else's {@code X-Forwarded-Proto} is ignored.
 */
@Component
class ForwardedTls implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    private final List<IpAddressMatcher> proxies;

    ForwardedTls(SecuritySettings security) {
        this.proxies = security.trustedProxies().stream().map(IpAddressMatcher::new).toList();
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        if (!proxies.isEmpty()) {
            factory.addEngineValves(new Valve(proxies));
        }
    }

    /** The valve itself: runs before any filter, so the session cookie is made with the right flag. */
    static final class Valve extends ValveBase {

        private final List<IpAddressMatcher> proxies;

        Valve(List<IpAddressMatcher> proxies) {
            super(true);
            this.proxies = proxies;
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            String address = request.getRemoteAddr();
            if (!request.isSecure() && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))
                    && proxies.stream().anyMatch(proxy -> proxy.matches(address))) {
                request.setSecure(true);
            }
            getNext().invoke(request, response);
        }
    }
}
