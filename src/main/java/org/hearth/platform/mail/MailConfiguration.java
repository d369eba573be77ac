package org.hearth.platform.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Delivery of the outbox, like every other schedule, runs on a schedule; a command run beside
 * the serving Hearth (search-rebuild) turns schedules off with {@code hearth.scheduling.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "hearth.scheduling.enabled", matchIfMissing = true)
class MailConfiguration {
}
