package org.hearth.platform.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the health check learns whether Hearth can write.
 *
 * @param writeCheckInterval a test write is made at most this often, and only when no other
 *     write succeeded within it; between test writes the check only reads
 * @param answerWithin health answers within this long even when the database does not
 */
@ConfigurationProperties("hearth.health")
public record HealthCheckProperties(
        @DefaultValue("15s") Duration writeCheckInterval,
        @DefaultValue("1s") Duration answerWithin) {
}
