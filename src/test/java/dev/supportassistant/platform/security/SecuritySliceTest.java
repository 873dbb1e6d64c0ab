package dev.supportassistant.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;

import dev.supportassistant.platform.config.ApiSettings;
import dev.supportassistant.platform.web.ApiExceptionHandler;

/**
 * Spring MVC with the API's security and error answers and nothing else of the service (no database, no models), for
 * tests of one security setting: they set it with {@code @TestPropertySource} and call the
 * {@link SliceEndpoints} through MockMvc. A slice starts in a fraction of the service's time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(useDefaultFilters = false)
@Import({ApiSecurityConfiguration.class, AccessRules.class, SliceRateLimits.class, CallerResolver.class,
        SecurityRefusals.class, SliceEndpoints.class, ApiExceptionHandler.class})
@EnableConfigurationProperties({SecuritySettings.class, ApiSettings.class})
@interface SecuritySliceTest {
}
