package org.hearth.platform.mail;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Delivery of the outbox runs on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailConfiguration {
}
