package org.hearth.conversation;

import org.hearth.testing.OnSqlite;

@OnSqlite
class FormerMembersOnSqliteTest extends FormerMembersContract {
}
