package org.hearth.crisis.web;

import java.util.List;
import java.util.Map;
import org.hearth.conversation.PostCheck.Kind;
import org.hearth.crisis.CrisisSettings.Resource;

/** What the page before posting shows: the resources, what the writer wrote, and the form to send again. */
public record CheckPage(Kind kind, String title, String body, boolean anonymous, String action, Map<String, String> fields,
        List<Resource> resources) {

    /** What has not happened yet, as the page's heading says it. */
    public String notYet() {
        return switch (kind) {
            case TOPIC -> "Your topic is not posted yet";
            case REPLY -> "Your reply is not posted yet";
            case EDIT -> "Your changes are not saved yet";
        };
    }

    /** The verb of the buttons: a new post is posted, a change is saved. */
    public String verb() {
        return kind == Kind.EDIT ? "Save" : "Post";
    }
}
