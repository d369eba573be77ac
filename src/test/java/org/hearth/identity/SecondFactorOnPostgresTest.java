package org.hearth.identity;

import org.hearth.testing.OnPostgres;

@OnPostgres
class SecondFactorOnPostgresTest extends SecondFactorContract {
}
