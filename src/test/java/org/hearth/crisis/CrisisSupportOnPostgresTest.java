package org.hearth.crisis;

import org.hearth.testing.OnPostgres;

@OnPostgres
class CrisisSupportOnPostgresTest extends CrisisSupportContract {
}
