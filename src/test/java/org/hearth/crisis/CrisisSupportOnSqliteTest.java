package org.hearth.crisis;

import org.hearth.testing.OnSqlite;

@OnSqlite
class CrisisSupportOnSqliteTest extends CrisisSupportContract {
}
