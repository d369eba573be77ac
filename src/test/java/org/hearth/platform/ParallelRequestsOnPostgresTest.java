package org.hearth.platform;

import org.hearth.testing.OnPostgres;

@OnPostgres
class ParallelRequestsOnPostgresTest extends ParallelRequestsContract {
}
