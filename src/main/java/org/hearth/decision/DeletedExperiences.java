package org.hearth.decision;

import org.hearth.conversation.PostDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When its author deletes an experience's post, the experience goes with it in the same
 * transaction: its answers and its updates are the author's words too, and its author may then
 * add a new one.
 */
@Component
class DeletedExperiences {

    private final Experiences experiences;

    DeletedExperiences(Experiences experiences) {
        this.experiences = experiences;
    }

    @EventListener
    void postDeleted(PostDeleted deleted) {
        experiences.forget(deleted.postId());
    }
}
