package org.hearth.search;

import org.hearth.testing.OnPostgres;

@OnPostgres
class SearchOnPostgresTest extends SearchContract {
}
