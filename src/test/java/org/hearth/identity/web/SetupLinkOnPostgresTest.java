package org.hearth.identity.web;

import org.hearth.testing.OnPostgres;

@OnPostgres
class SetupLinkOnPostgresTest extends SetupLinkContract {
}
