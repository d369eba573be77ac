package org.hearth.crisis.web;

import java.util.List;
import java.util.Map;
import org.hearth.conversation.PostCheck.Kind;
import org.hearth.crisis.CrisisSettings.Resource;

/** What the page before posting shows: the resources, what the writer wrote, and the form to send again. */
public record CheckPage(Kind kind, String title, String body, boolean anonymous, String action, Map<String, String> fields,
        List<Resource> resources) {

    /** What is not posted yet. */
    public String what() {
        return switch (kind) {
            case TOPIC -> "topic";
            case REPLY -> "reply";
            case EDIT -> "change";
        };
    }

    /** The verb of the buttons: a new post is posted, a change is saved. */
    public String verb() {
        return kind == Kind.EDIT ? "Save" : "Post";
    }
}
