package org.hearth.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.hearth.testing.OnPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/** As after a fail-over: the database turns read-only under Hearth's feet. */
// leaves its database changed in ways other tests must not inherit
@DirtiesContext
@OnPostgres
class WritesRefusedOnPostgresTest extends WritesRefusedContract {

    @Autowired
    DataSource dataSource;

    @Override
    void refuseWrites() throws Exception {
        readOnly(true);
    }

    @Override
    void allowWrites() throws Exception {
        readOnly(false);
    }

    private void readOnly(boolean on) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET default_transaction_read_only = off"); // this connection may already be read-only
            statement.execute("ALTER DATABASE " + connection.getCatalog() + " SET default_transaction_read_only = " + on);
        }
        ((HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections(); // the next ones see the setting
    }
}
