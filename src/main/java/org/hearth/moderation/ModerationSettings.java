package org.hearth.moderation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the site sets about moderation ({@code hearth.moderation.*}): how long after an action
 * the member it concerns may appeal it, and how recently a moderator must have visited their
 * community to count as active (a community with none has its queue shown to site
 * administrators).
 */
@ConfigurationProperties("hearth.moderation")
record ModerationSettings(@DefaultValue("20d") Duration appealWithin, @DefaultValue("14d") Duration moderatorsActiveWithin) {
}
