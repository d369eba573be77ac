package org.hearth.platform.web;

import java.util.Optional;

/**
 * A page of the site's administration that the site administrator's menu links to while it is
 * in use (the outbox, for one, exists only while mail stays on the server). Provided by
 * whichever part of the platform owns the page, so the layout needs to know none of them.
 */
public interface AdministrationPage {

    /** The menu's link to the page, or empty while the page is not in use. */
    Optional<MenuLink> menuLink();

    record MenuLink(String href, String label) {
    }
}
