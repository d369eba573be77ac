package org.hearth.blocking;

import org.hearth.testing.OnSqlite;

@OnSqlite
class BlockingOnSqliteTest extends BlockingContract {
}
