package dev.supportassistant.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How desk passwords are hashed: Spring Security's {@code DelegatingPasswordEncoder}, which
 * prefixes each hash with its algorithm ({@code {bcrypt}...}), so a stronger one can be introduced
 * later while the stored hashes keep working.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
