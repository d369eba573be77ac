package org.hearth.platform.backup;

import org.hearth.testing.OnPostgres;
import org.hearth.testing.PostgresDatabase;

@OnPostgres
class BackupOnPostgresTest extends BackupContract {

    @Override
    protected String emptyDatabase() {
        return PostgresDatabase.url(PostgresDatabase.createEmpty());
    }

    @Override
    protected void drop(String databaseUrl) {
        String path = databaseUrl.substring(0, databaseUrl.indexOf('?') < 0 ? databaseUrl.length() : databaseUrl.indexOf('?'));
        PostgresDatabase.drop(path.substring(path.lastIndexOf('/') + 1));
    }
}
