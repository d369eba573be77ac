package org.hearth.identity;

import org.hearth.testing.OnPostgres;

@OnPostgres
class HandlesOnPostgresTest extends HandlesContract {
}
