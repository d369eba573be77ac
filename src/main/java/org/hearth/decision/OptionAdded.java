package org.hearth.decision;

/** An option was added to a decision after it was started; {@code by} is the role of who added it. */
public record OptionAdded(String communityId, String topicId, String optionId, Option.AddedBy by) {
}
