package dev.supportassistant.platform.security;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Believes {@code X-Forwarded-For} and {@code X-Forwarded-Proto} from {@code TRUSTED_PROXIES} only,
 * through Tomcat's {@link RemoteIpValve}: behind them a request's remote address is the client's
 * (the rate limits' key) and it is secure when the proxy took it over HTTPS (the desk's session
 * cookie is then {@code Secure}); a client not behind them cannot choose its own address.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    private final List<String> proxies;

    TrustedProxies(SecuritySettings security) {
        this.proxies = security.trustedProxies();
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        if (proxies.isEmpty()) {
            return;
        }
        RemoteIpValve valve = new RemoteIpValve();
        // Tomcat reads a list holding a '/' as CIDR ranges, any other as one regular expression.
        valve.setInternalProxies(proxies.stream().map(TrustedProxies::range).collect(Collectors.joining(",")));
        factory.addEngineValves(valve);
    }

    private static String range(String proxy) {
        return proxy.contains("/") ? proxy : proxy + (proxy.contains(":") ? "/128" : "/32");
    }
}
