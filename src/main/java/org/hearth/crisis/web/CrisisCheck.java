package org.hearth.crisis.web;

import java.util.Map;
import java.util.Optional;
import org.hearth.conversation.PostCheck;
import org.hearth.crisis.CrisisResources;
import org.hearth.crisis.LetModeratorsKnow;
import org.hearth.crisis.Phrases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Before a post that speaks of suicide or self-harm is stored, shows its writer the crisis
 * resources and what they wrote, and lets them choose: publish and let the moderators know,
 * publish without telling anyone, or go back and edit. Never refuses a post. Looked at on the
 * server when the form is sent; the page sends the same form again with the choice as
 * {@code answer}, so its one-time key still stores the post once.
 */
@Component
class CrisisCheck implements PostCheck {

    private static final Logger log = LoggerFactory.getLogger(CrisisCheck.class);

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

    /**
     * Tells the moderators when the writer chose so, and says to the writer whether it worked:
     * someone who asked for support must not believe the moderators know when they do not.
     */
    @Override
    public Optional<String> stored(Post post, String postId) {
        if (!TELL.equals(post.answer())) {
            return Optional.empty();
        }
        LetModeratorsKnow.Outcome outcome;
        try {
            outcome = letModeratorsKnow.run(new LetModeratorsKnow.Input(post.access(), post.writer(), postId));
        } catch (DataAccessException | TransactionException e) {
            log.warn("A writer's request to let the moderators know could not be stored: {}", e.getClass().getSimpleName());
            return Optional.of("We could not tell the moderators just now. If you need someone now, the lines on the "
                    + "page before are there day or night.");
        }
        return Optional.of(switch (outcome) {
            case LetModeratorsKnow.Outcome.Told t -> "The moderators of " + post.access().community().name() + " know, and may reach out to you.";
            case LetModeratorsKnow.Outcome.AlreadyTold t -> "The moderators already know about this post.";
            case LetModeratorsKnow.Outcome.NotYourPost n -> "We could not tell the moderators about this post.";
        });
    }
}
