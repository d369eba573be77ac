package org.hearth.blocking;

import org.hearth.testing.OnPostgres;

@OnPostgres
class BlockingOnPostgresTest extends BlockingContract {
}
