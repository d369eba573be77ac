package org.hearth.crisis;

import java.util.List;
import org.hearth.crisis.CrisisSettings.Resource;
import org.springframework.stereotype.Component;

/**
 * The crisis resources shown to a writer: those configured for the site's locale, else
 * Hearth's defaults, which say honestly where each line serves and point everyone else to a
 * directory of helplines by country. A site for one country should configure its own.
 */
@Component
public class CrisisResources {

    /** Lines checked as published by their services; the directory is a plain link, nothing of it is loaded. */
    static final List<Resource> DEFAULTS = List.of(
            new Resource("Samaritans", "UK and Ireland", "116 123", null, null, null, "free, day or night"),
            new Resource("Shout", "UK", null, "85258", "SHOUT", null, "free text line, day or night"),
            new Resource("988 Suicide & Crisis Lifeline", "United States", "988", "988", null, null, "call or text, day or night"),
            new Resource("Crisis Text Line", "United States and Canada", null, "741741", "HOME", null, "free text line, day or night"),
            new Resource("Find A Helpline", "every other country", null, null, null, "https://findahelpline.com",
                    "a free directory of helplines near you"));

    private final List<Resource> resources;

    CrisisResources(CrisisSettings settings) {
        List<Resource> configured = settings.resources().get(settings.locale());
        this.resources = configured == null || configured.isEmpty() ? DEFAULTS : List.copyOf(configured);
    }

    public List<Resource> all() {
        return resources;
    }
}
