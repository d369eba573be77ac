package org.hearth.platform;

import org.hearth.testing.OnPostgres;

@OnPostgres
class WebBoundaryOnPostgresTest extends WebBoundaryContract {
}
