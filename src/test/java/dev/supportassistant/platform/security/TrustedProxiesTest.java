package dev.supportassistant.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.tomcat.autoconfigure.TomcatWebServerFactoryCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/**
 * What the service sees of a request through Tomcat's valve as {@code TRUSTED_PROXIES} configure it:
 * behind a trusted proxy (an address or a CIDR range) the client named in {@code X-Forwarded-For},
 * all its lines read as one list, and HTTPS as the proxy says; from anyone else neither header counts,
 * so a client cannot choose its own address, also on a cloud platform.
 */
class TrustedProxiesTest {

    /** The remote address and whether the request is secure, as the service sees them. */
    private record Seen(String address, boolean secure) {
    }

    private static Seen seen(String trustedProxies, String peer, String... headers) throws Exception {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        ApiSecurityConfiguration.trustedProxies(new SecuritySettings(null, null, "HS256", 30, trustedProxies))
                .customize(factory);
        Valve valve = factory.getEngineValves().iterator().next();
        Seen[] seen = new Seen[1];
        valve.setNext(new ValveBase() {
            @Override
            public void invoke(Request request, Response response) {
                seen[0] = new Seen(request.getRemoteAddr(), request.isSecure());
            }
        });
        Request request = new Request(new Connector(), new org.apache.coyote.Request());
        request.setRemoteAddr(peer);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.getCoyoteRequest().getMimeHeaders().addValue(headers[i]).setString(headers[i + 1]);
        }
        valve.invoke(request, null);
        return seen[0];
    }

    @Test
    void behindATrustedProxyTheForwardedClientIsTheClientReadingEveryLine() throws Exception {
        // The client's own line first, then the line HAProxy's "option forwardfor" adds with the address it saw.
        assertThat(seen("10.0.0.5", "10.0.0.5", "X-Forwarded-For", "198.51.100.1", "X-Forwarded-For", "203.0.113.9"))
                .isEqualTo(new Seen("203.0.113.9", false));
        assertThat(seen("10.0.0.5,192.168.0.0/16", "192.168.3.4", "X-Forwarded-For", "198.51.100.1, 192.168.0.7"))
                .isEqualTo(new Seen("198.51.100.1", false));
    }

    @Test
    void aTrustedTlsProxyMakesTheRequestSecure() throws Exception {
        assertThat(seen("127.0.0.1,::1", "0:0:0:0:0:0:0:1", "X-Forwarded-Proto", "https"))
                .isEqualTo(new Seen("0:0:0:0:0:0:0:1", true));
    }

    @Test
    void fromAnyoneElseNeitherHeaderCounts() throws Exception {
        assertThat(seen("10.0.0.5,192.168.0.0/16", "192.0.2.44", "X-Forwarded-For", "198.51.100.1",
                "X-Forwarded-Proto", "https")).isEqualTo(new Seen("192.0.2.44", false));
    }

    @Test
    void onACloudPlatformBootAddsNoValveOfItsOwn() throws Exception {
        // Boot would believe X-Forwarded-For from every private address on Kubernetes, TRUSTED_PROXIES or not.
        MockEnvironment environment = new MockEnvironment().withProperty("spring.main.cloud-platform", "kubernetes");
        environment.getPropertySources().addLast(new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml")).get(0));
        Binder settings = Binder.get(environment);
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();

        new TomcatWebServerFactoryCustomizer(environment, settings.bind("server", ServerProperties.class).get(),
                settings.bindOrCreate("server.tomcat", TomcatServerProperties.class), new WebProperties())
                .customize(factory);

        assertThat(factory.getEngineValves()).noneMatch(RemoteIpValve.class::isInstance);
    }

    @Test
    void withoutTrustedProxiesThereIsNoValve() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        ApiSecurityConfiguration.trustedProxies(new SecuritySettings(null, null, "HS256", 30, List.of()))
                .customize(factory);

        assertThat(factory.getEngineValves()).isEmpty();
    }
}
