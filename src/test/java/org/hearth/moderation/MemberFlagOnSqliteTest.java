package org.hearth.moderation;

import org.hearth.testing.OnSqlite;

@OnSqlite
class MemberFlagOnSqliteTest extends MemberFlagContract {
}
