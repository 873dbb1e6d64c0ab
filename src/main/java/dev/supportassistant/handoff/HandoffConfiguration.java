package dev.supportassistant.handoff;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The desk's hours, read from {@code DESK_HOURS} once at start-up: a bad value stops it, naming the variable. */
@Configuration(proxyBeanMethods = false)
class HandoffConfiguration {

    @Bean
    DeskHours deskHours(HandoffSettings settings) {
        return DeskHours.parse(settings.deskHours(), Clock.systemUTC());
    }
}
