package org.hearth.notification.web;

import org.hearth.community.Access;

/** A community the member belongs to, and whether they follow its new topics: for the notifications page. */
public record Followable(Access access, boolean followed) {
}
