package org.hearth.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.hearth.testing.OnPostgres;
import org.hearth.testing.PostgresDatabase;
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
        PostgresDatabase.readOnly((HikariDataSource) dataSource, on);
    }
}
