package org.hearth.crisis.web;

import java.util.Map;
import org.hearth.conversation.PostCheck;
import org.hearth.crisis.CrisisResources;
import org.hearth.crisis.LetModeratorsKnow;
import org.hearth.crisis.Phrases;
import org.springframework.stereotype.Component;

/**
 * Before a post that speaks of suicide or self-harm is stored, shows its writer the crisis
 * resources and what they wrote, and lets them choose: publish and let the moderators know,
 * publish without telling anyone, or go back and edit. Never refuses a post. Looked at on the
 * server when the form is sent; the page sends the same form again with the choice as
 * {@code answer}, so its one-time key still stores the post once.
 */
@Component
class CrisisCheck implements PostCheck {

    static final String VIEW = "org/hearth/crisis/web/check";
    static final String TELL = "tell-moderators";
    static final String PUBLISH = "publish";
    static final String EDIT = "edit";

    private final Phrases phrases;
    private final CrisisResources resources;
    private final LetModeratorsKnow letModeratorsKnow;

    CrisisCheck(Phrases phrases, CrisisResources resources, LetModeratorsKnow letModeratorsKnow) {
        this.phrases = phrases;
        this.resources = resources;
        this.letModeratorsKnow = letModeratorsKnow;
    }

    @Override
    public Verdict check(Post post) {
        if (post.answered()) {
            switch (post.answer()) {
                case TELL, PUBLISH -> {
                    return new Verdict.Store();
                }
                case EDIT -> {
                    return new Verdict.BackToForm();
                }
                default -> {
                    // an answer this page never offers: look at the text as if none came
                }
            }
        }
        if (!phrases.speakOfCrisis(post.title(), post.body())) {
            return new Verdict.Store();
        }
        return new Verdict.Show(VIEW, Map.of("check", new CheckPage(post.kind(), post.title(), post.body(), post.anonymous(),
                post.action(), post.fields(), resources.all())));
    }

    @Override
    public void stored(Post post, String postId) {
        if (TELL.equals(post.answer())) {
            letModeratorsKnow.run(new LetModeratorsKnow.Input(post.access(), post.writer(), postId));
        }
    }
}
