package dev.supportassistant.desk;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.DelegatingAccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import dev.supportassistant.accounts.DeskAccounts;
import dev.supportassistant.platform.ratelimit.RateLimiter;
import dev.supportassistant.platform.ratelimit.RequestClients;
import dev.supportassistant.platform.web.RequestSizeFilter;

/**
 * The desk's own security: a session signed in with a desk account's name and password, CSRF
 * tokens on every form (a form whose token went stale gets a page saying so, {@link StaleForms}), and
 * nothing of the desk (pages, data, live streams) without it; the operator's console needs an
 * operator's account. It covers the desk's paths only
 * ({@link #PATHS}), ahead of any other chain, so the API keeps authenticating as it does (bearer
 * tokens and the admin key) and never sees the desk's session.
 *
 * <p>The session cookie ({@code DESK_SESSION}, path {@code /desk}) is HttpOnly and SameSite=Lax
 * (application.yml), and Secure whenever the request came over HTTPS, also through a TLS proxy
 * among {@code TRUSTED_PROXIES} (Tomcat's {@code RemoteIpValve}, see the API's security configuration).
 */
@Configuration(proxyBeanMethods = false)
class DeskSecurity {

    static final String[] PATHS = {"/desk", "/desk/**"};
    static final String SIGN_IN = "/desk/sign-in";
    static final String SIGN_OUT = "/desk/sign-out";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain deskFilterChain(HttpSecurity http, UserDetailsService users, PasswordEncoder passwords,
            DeskAccounts accounts, RequestClients clients, RateLimiter limiter, RequestSizeFilter sizes,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) throws Exception {
        SignInAttempts attempts = new SignInAttempts(limiter);
        SignInOutcomes outcomes = new SignInOutcomes(attempts);
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwords);
        http.securityMatcher(PATHS)
                .authenticationManager(new ProviderManager(provider))
                .authorizeHttpRequests(requests -> requests
                        // A live stream's later dispatches belong to a request already allowed; after a
                        // sign-out its session is gone, and refusing the stream's last dispatch then
                        // could only fail on its committed response.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/desk/assets/**", SIGN_IN).permitAll()
                        .requestMatchers("/desk/console", "/desk/console/**").hasRole("OPERATOR")
                        .anyRequest().hasRole("AGENT"))
                .formLogin(form -> form.loginPage(SIGN_IN).loginProcessingUrl(SIGN_IN)
                        .usernameParameter("name").passwordParameter("password")
                        .successHandler(outcomes).failureHandler(outcomes))
                .logout(logout -> logout.logoutUrl(SIGN_OUT).logoutSuccessUrl(SIGN_IN + "?signed-out")
                        .deleteCookies(SessionCookie.NAME))
                // Same-origin pages only: no cross-origin access to the desk, whatever CORS_ORIGINS allows the API.
                .cors(cors -> cors.disable())
                .exceptionHandling(failures -> failures.accessDeniedHandler(new DelegatingAccessDeniedHandler(
                        new LinkedHashMap<>(Map.of(CsrfException.class, new StaleForms(errors))),
                        new AccessDeniedHandlerImpl())))
                .requestCache(cache -> cache.requestCache(SavedPages.cache()))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(DeskHeaders.POLICY))
                        .cacheControl(cache -> cache.disable()))
                // The CSRF check reads the form: its size is checked first (MAX_REQUEST_BYTES), as the API's bodies are.
                .addFilterBefore(sizes, CsrfFilter.class)
                .addFilterBefore(new SignInThrottle(attempts, request -> clients.of(request).key()),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new AccountCheck(accounts), AuthorizationFilter.class)
                .addFilterAfter(new DeskHeaders(), HeaderWriterFilter.class);
        return http.build();
    }
}
