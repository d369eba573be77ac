package org.hearth.demo;

import org.hearth.testing.OnSqlite;

@OnSqlite
class DemoSiteOnSqliteTest extends DemoSiteContract {
}
