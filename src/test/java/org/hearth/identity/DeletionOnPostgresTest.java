package org.hearth.identity;

import org.hearth.testing.OnPostgres;

@OnPostgres
class DeletionOnPostgresTest extends DeletionContract {
}
