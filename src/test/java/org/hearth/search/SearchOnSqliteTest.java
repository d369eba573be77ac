package org.hearth.search;

import org.hearth.testing.OnSqlite;

@OnSqlite
class SearchOnSqliteTest extends SearchContract {
}
