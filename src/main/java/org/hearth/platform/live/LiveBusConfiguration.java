package org.hearth.platform.live;

import java.time.Duration;
import javax.sql.DataSource;
import org.hearth.platform.db.DatabaseProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One node on SQLite talks to itself; nodes sharing a PostgreSQL database talk through it. */
@Configuration(proxyBeanMethods = false)
class LiveBusConfiguration {

    @Bean
    LiveBus liveBus(DatabaseProperties database, DataSource dataSource,
            @Value("${hearth.live.max-reconnect-wait:5s}") Duration maxReconnectWait) {
        return database.embedded() ? new InProcessLiveBus()
                : new PostgresLiveBus(database, dataSource, maxReconnectWait);
    }
}
