package org.hearth.community;

import org.hearth.testing.OnSqlite;

@OnSqlite
class RulesOnSqliteTest extends RulesContract {
}
