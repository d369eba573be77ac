package org.hearth.trust;

import org.hearth.testing.OnPostgres;

@OnPostgres
class TrustOnPostgresTest extends TrustContract {
}
