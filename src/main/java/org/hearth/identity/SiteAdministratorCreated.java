package org.hearth.identity;

/** A site administrator account exists now (the first one is made through the setup link). */
public record SiteAdministratorCreated(String memberId) {
}
