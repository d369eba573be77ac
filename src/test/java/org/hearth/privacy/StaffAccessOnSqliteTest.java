package org.hearth.privacy;

import org.hearth.testing.OnSqlite;

@OnSqlite
class StaffAccessOnSqliteTest extends StaffAccessContract {
}
