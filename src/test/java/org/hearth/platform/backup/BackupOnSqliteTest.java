package org.hearth.platform.backup;

import org.hearth.testing.OnSqlite;

@OnSqlite
class BackupOnSqliteTest extends BackupContract {

    @Override
    protected String emptyDatabase() {
        return "";
    }

    @Override
    protected void drop(String databaseUrl) {
        // the restored SQLite file lives in a temporary directory
    }
}
