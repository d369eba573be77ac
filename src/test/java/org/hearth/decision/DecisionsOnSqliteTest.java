package org.hearth.decision;

import org.hearth.testing.OnSqlite;

@OnSqlite
class DecisionsOnSqliteTest extends DecisionsContract {
}
