package org.hearth.identity.web;

import org.hearth.testing.OnSqlite;

@OnSqlite
class SetupLinkOnSqliteTest extends SetupLinkContract {
}
