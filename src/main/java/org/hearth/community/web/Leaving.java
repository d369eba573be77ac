package org.hearth.community.web;

import java.util.ArrayList;
import java.util.List;
import org.hearth.community.Access;
import org.hearth.community.Community;
import org.hearth.community.Visibility;

/** What a member loses by leaving a community, said before they confirm. */
public record Leaving(Access access, boolean onlyOwner) {

    public Community community() {
        return access.community();
    }

    public List<String> losses() {
        Community community = access.community();
        List<String> losses = new ArrayList<>();
        if (access.moderates()) {
            losses.add("You stop being " + access.role().withArticle() + " here: you no longer see the member list"
                    + " or decide who joins, and getting the role back needs an owner.");
        }
        losses.add(community.visibility() == Visibility.PUBLIC
                ? "You can still read what is written here, as anyone can, but you can no longer write here."
                : "You can no longer read what is written here, the topics you read included, nor write here.");
        if (community.visibility() == Visibility.HIDDEN) {
            losses.add("The community is hidden: it disappears from your list, and you need a new invitation to come back.");
        } else {
            losses.add(switch (community.joinPolicy()) {
                case OPEN -> "You can join again at any time.";
                case APPROVAL -> "To come back, you ask to join again and wait for a moderator.";
                case INVITATION -> "To come back, you need a new invitation from a moderator.";
            });
        }
        losses.add("What you wrote here stays, as you wrote it.");
        return List.copyOf(losses);
    }
}
