package org.hearth.identity;

import org.hearth.testing.OnPostgres;

@OnPostgres
class TimeZonesOnPostgresTest extends TimeZonesContract {
}
