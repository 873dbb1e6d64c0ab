package dev.supportassistant.platform.security;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.Header;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

import dev.supportassistant.platform.config.ApiSettings;
import dev.supportassistant.platform.ratelimit.RateLimiter;

/**
 * The API's security filter chain, stateless (no session, no CSRF token: credentials are headers a
 * browser never sends by itself): the security headers and CORS, the operator's key
 * ({@link OperatorKeyFilter}), customers' and agents' JWTs (the OAuth2 resource server with
 * {@link CustomerTokenDecoder}), then the {@link AccessRules}; refusals by {@link SecurityRefusals}.
 * It matches every request and comes last, after chains of other parts (the desk's pages).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    /** The customer's widget script, which any web page may load (docs/widget.md, {@link #widgetHeaders}). */
    static final String WIDGET = "/widget.js";

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain apiSecurity(HttpSecurity http, AccessRules rules, SecurityRefusals refusals,
            RateLimiter attempts, SecuritySettings security, ApiSettings api) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .xssProtection(xss -> xss.disable())
                        .cacheControl(cache -> cache.disable())
                        .addHeaderWriter(nothingToRunOrKeep(api))
                        .addHeaderWriter(widgetHeaders()))
                .cors(cors -> cors.configurationSource(browserOrigins(api, rules)))
                .addFilterBefore(new OperatorKeyFilter(security, attempts, refusals),
                        BearerTokenAuthenticationFilter.class)
                .oauth2ResourceServer(tokens -> tokens
                        .bearerTokenResolver(OperatorKeyFilter::jwtBearer)
                        .authenticationEntryPoint(refusals)
                        .jwt(jwt -> jwt.decoder(CustomerTokenDecoder.of(security, Clock.systemUTC()))
                                .jwtAuthenticationConverter(CustomerTokenDecoder::holder)))
                .exceptionHandling(failures -> failures.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .authorizeHttpRequests(requests -> requests
                        // A stream's later dispatches and error pages belong to a request already allowed.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(rules.operatorEndpoints())
                        .access((authentication, request) -> rules.operatorDecision(authentication))
                        .requestMatchers(rules.deskEndpoints())
                        .access((authentication, request) -> rules.staffDecision(authentication))
                        .anyRequest().permitAll())
                .build();
    }

    /**
     * No observations of Spring Security's own: they wrap every filter of every request, about a
     * tenth of a turn's processor time (bench/RESULTS.md), and the request metrics count refusals.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} from {@code TRUSTED_PROXIES} only, by Tomcat's
     * {@link RemoteIpValve}: behind them the remote address is the client's and the request secure when
     * the proxy took it over HTTPS; a client not behind them cannot choose its own address.
     */
    @Bean
    static WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxies(SecuritySettings security) {
        return factory -> {
            if (!security.trustedProxies().isEmpty()) {
                RemoteIpValve valve = new RemoteIpValve();
                // Tomcat reads a list holding a '/' as CIDR ranges, any other as one regular expression.
                valve.setInternalProxies(security.trustedProxies().stream().map(proxy -> proxy.contains("/") ? proxy
                        : proxy + (proxy.contains(":") ? "/128" : "/32")).collect(Collectors.joining(",")));
                factory.addEngineValves(valve);
            }
        };
    }

    /**
     * Nothing for a browser to run from an answer, nor to keep (answers hold conversations); not for the
     * interactive docs' pages while {@code DEBUG=true} (they run scripts), nor for the widget.
     */
    private static HeaderWriter nothingToRunOrKeep(ApiSettings api) {
        RequestMatcher docsPage = request -> api.debug()
                && (request.getRequestURI().startsWith("/docs") || request.getRequestURI().startsWith("/swagger-ui"));
        RequestMatcher notAnswers = new OrRequestMatcher(docsPage, ApiSecurityConfiguration::isWidget);
        return new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(notAnswers), new StaticHeadersWriter(
                List.of(new Header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"),
                        new Header("Cache-Control", "no-store"))));
    }

    /**
     * The widget is the same for everyone: shared caches may keep it ten minutes, and a page on any
     * origin may load it, also one that isolates itself ({@code Cross-Origin-Embedder-Policy}).
     */
    private static HeaderWriter widgetHeaders() {
        return new DelegatingRequestMatcherHeaderWriter(ApiSecurityConfiguration::isWidget, new StaticHeadersWriter(
                List.of(new Header("Cache-Control", "public, max-age=600"),
                        new Header("Cross-Origin-Resource-Policy", "cross-origin"))));
    }

    private static boolean isWidget(HttpServletRequest request) {
        return WIDGET.equals(request.getRequestURI());
    }

    /**
     * The frontend may call from {@code CORS_ORIGINS} with credentials, as the old backend allowed;
     * {@code *} never with them (any page could act with the visitor's cookies). No CORS for the
     * management endpoints; the widget's script is for every origin.
     */
    private static CorsConfigurationSource browserOrigins(ApiSettings api, AccessRules rules) {
        CorsConfiguration origins = new CorsConfiguration();
        if (api.corsOrigins().contains("*")) {
            origins.addAllowedOrigin("*");
            origins.setAllowCredentials(false);
        } else {
            api.corsOrigins().forEach(origins::addAllowedOriginPattern);
            origins.setAllowCredentials(true);
        }
        origins.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        origins.addAllowedHeader("*");
        // A page on another origin reads only the headers named here (the speech endpoints' own among them).
        origins.setExposedHeaders(List.of("X-Speech-Provider", "X-Speech-Fallback", "X-Speech-Error",
                "X-Speech-Truncated", "X-Request-Id", "Retry-After"));
        origins.setMaxAge(3600L);
        CorsConfiguration everyone = new CorsConfiguration();
        everyone.addAllowedOrigin("*");
        everyone.setAllowedMethods(List.of("GET", "HEAD"));
        everyone.setAllowCredentials(false);
        return request -> rules.isActuatorRequest(request) ? null : isWidget(request) ? everyone : origins;
    }
}
