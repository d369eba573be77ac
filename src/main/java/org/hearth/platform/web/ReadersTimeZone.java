package org.hearth.platform.web;

import java.time.ZoneId;
import java.util.Optional;

/**
 * The time zone a signed-in member chose to read times in, if any. The platform knows no
 * members: the feature that keeps accounts answers it, and every page asks it once.
 */
public interface ReadersTimeZone {

    Optional<ZoneId> of(String memberId);
}
