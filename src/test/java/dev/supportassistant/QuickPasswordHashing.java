package dev.supportassistant;

import java.util.Map;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Desk passwords hashed as the service hashes them ({@code {bcrypt}} through a
 * {@code DelegatingPasswordEncoder}) but at BCrypt's lowest cost, 4 (16 rounds) instead of the
 * default 10 (1,024). The tests create and sign in hundreds of desk accounts, and at the default
 * cost BCrypt was about a fifth of the first tier's processor time (the test JVMs compile with C1
 * only); the cost is the number of rounds and nothing that a test checks. A hash of any cost is
 * still verified at its own. The shared contexts import it and {@link RunningService} adds it;
 * it is a primary bean beside the service's own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class QuickPasswordHashing {

    @Bean
    @Primary
    PasswordEncoder quickPasswordEncoder() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
    }
}
