package org.hearth.decision;

import org.hearth.testing.OnSqlite;

@OnSqlite
class SharedContextOnSqliteTest extends SharedContextContract {
}
