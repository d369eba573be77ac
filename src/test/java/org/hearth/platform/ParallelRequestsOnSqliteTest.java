package org.hearth.platform;

import org.hearth.testing.OnSqlite;

@OnSqlite
class ParallelRequestsOnSqliteTest extends ParallelRequestsContract {
}
