package org.hearth.identity;

import org.hearth.testing.OnSqlite;

@OnSqlite
class TimeZonesOnSqliteTest extends TimeZonesContract {
}
