package org.hearth.crisis.web;

/**
 * One alert as the moderators see it.
 *
 * @param link where the post is, or null when it was deleted since
 * @param about the handle of the member it is about: moderators may know who wrote an anonymous post
 * @param reportedBy the handle of the worried member, or null when the writer asked, or the reporter's account is gone
 * @param handledBy who handled it, or null
 */
public record SupportRow(String id, boolean asked, long at, String link, String about, boolean anonymous, String reportedBy,
        boolean reporterGone, String note, Long handledAt, String handledBy) {
}
