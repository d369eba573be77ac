package org.hearth.demo;

import org.hearth.testing.OnPostgres;

@OnPostgres
class DemoSiteOnPostgresTest extends DemoSiteContract {
}
