package org.hearth.trust;

import org.hearth.testing.OnSqlite;

@OnSqlite
class TrustOnSqliteTest extends TrustContract {
}
