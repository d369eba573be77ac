package org.hearth.moderation;

import java.util.List;

/**
 * Flags of possible misinformation on a post were answered with an evidence note or turned down.
 * Carries the flaggers, who are told, so no listener asks back.
 */
public record MisinformationFlagsSettled(String communityId, String postId, ModerationAction action, List<String> flaggerIds) {
}
