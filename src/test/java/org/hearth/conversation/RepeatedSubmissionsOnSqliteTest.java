package org.hearth.conversation;

import org.hearth.testing.OnSqlite;

@OnSqlite
class RepeatedSubmissionsOnSqliteTest extends RepeatedSubmissionsContract {
}
