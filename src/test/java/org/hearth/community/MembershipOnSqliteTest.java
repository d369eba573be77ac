package org.hearth.community;

import org.hearth.testing.OnSqlite;

@OnSqlite
class MembershipOnSqliteTest extends MembershipContract {
}
