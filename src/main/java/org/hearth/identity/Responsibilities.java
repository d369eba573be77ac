package org.hearth.identity;

import java.util.Optional;

/**
 * Duties elsewhere in Hearth that need a second factor, such as moderating a community. Other
 * features implement it, so identity can ask without depending on them.
 */
public interface Responsibilities {

    /** Why this member must have a second factor, in words that finish "because you ...", or empty. */
    Optional<String> needingSecondFactor(String memberId);
}
