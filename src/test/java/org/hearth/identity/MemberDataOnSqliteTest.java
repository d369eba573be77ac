package org.hearth.identity;

import org.hearth.testing.OnSqlite;

@OnSqlite
class MemberDataOnSqliteTest extends MemberDataContract {
}
