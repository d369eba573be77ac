package org.hearth.platform.web;

/**
 * How many notifications a signed-in member has not read, for the header of every page. The
 * platform knows no notifications: the feature that keeps them answers, and every page asks it
 * once (no page asks when no feature answers).
 */
public interface UnreadNotifications {

    int of(String memberId);
}
