package org.hearth.moderation;

/**
 * An appeal was decided, recorded in the actions log under {@code decisionId}; when
 * {@code upheld}, the action appealed was undone.
 */
public record AppealDecided(String appealId, String actionId, String decisionId, String communityId, String memberId,
        boolean upheld, boolean bySiteStaff) {
}
