package org.hearth.community;

/** A moderator saved a new version of a community's charter and rules. */
public record RulesChanged(String communityId, int version, String moderatorId) {
}
