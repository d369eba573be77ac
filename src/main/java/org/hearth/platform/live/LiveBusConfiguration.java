package org.hearth.platform.live;

import javax.sql.DataSource;
import org.hearth.platform.db.DatabaseProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One node on SQLite talks to itself; nodes sharing a PostgreSQL database talk through it. */
@Configuration(proxyBeanMethods = false)
class LiveBusConfiguration {

    @Bean
    LiveBus liveBus(DatabaseProperties database, DataSource dataSource) {
        return database.embedded() ? new InProcessLiveBus() : new PostgresLiveBus(database, dataSource);
    }
}
