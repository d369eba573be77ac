package org.hearth.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock every feature reads time from, so tests and benchmarks can control it. */
@Configuration(proxyBeanMethods = false)
class Time {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
