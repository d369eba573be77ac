package org.hearth.clinician;

import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.community.Communities;
import org.hearth.identity.Members;
import org.hearth.platform.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A community's owner invites a verified clinician, by handle, to its clinical advisory board, or
 * ends a seat or a waiting invitation; the clinician accepts or declines, or steps down. Who is
 * not a verified clinician is answered like a handle no one uses, so the form tells nothing
 * about members.
 */
@Service
public class ManageAdvisors {

    public enum Step {
        INVITE, ACCEPT, DECLINE, END
    }

    /**
     * {@code who}: the handle to invite (INVITE), or the member whose seat ends (END, by an owner;
     * empty for the advisor stepping down); unused for ACCEPT and DECLINE, which are the viewer's.
     */
    public record Input(String slug, Viewer viewer, Step step, String who) {
        public Input {
            Objects.requireNonNull(viewer, "only a signed-in member manages a board");
            Objects.requireNonNull(step);
        }
    }

    public sealed interface Outcome {
        record Done(Access access, Step step) implements Outcome {
        }

        /** No such community where they may see it, or they may not do this step there. */
        record NotFound() implements Outcome {
        }

        record SecondFactorNeeded() implements Outcome {
        }

        record HandleMissing(Access access) implements Outcome {
        }

        /**
         * No verified clinician uses that handle who may see this community (or no member uses
         * it: told alike).
         */
        record NoVerifiedClinician(Access access, String handle) implements Outcome {
        }

        /** Invited already and not answered yet, or on the board already. */
        record AlreadyInvited(Access access) implements Outcome {
        }

        /** Nothing to answer or end: no invitation waits, or the seat already ended. */
        record NothingWaiting(Access access) implements Outcome {
        }

        /** Accepting needs a verification in force. */
        record NotVerified(Access access) implements Outcome {
        }
    }

    private final Communities communities;
    private final AdvisoryBoards boards;
    private final Members members;
    private final CredentialReview review;

    ManageAdvisors(Communities communities, AdvisoryBoards boards, Members members, CredentialReview review) {
        this.communities = communities;
        this.boards = boards;
        this.members = members;
        this.review = review;
    }

    @Transactional
    public Outcome run(Input input) {
        Optional<Access> found = communities.visibleTo(input.slug(), input.viewer()).filter(Access::canSee);
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        Access access = found.get();
        String communityId = access.community().id();
        String me = input.viewer().memberId();
        return switch (input.step()) {
            case INVITE -> {
                if (!access.owns()) {
                    yield new Outcome.NotFound();
                }
                if (!access.canModerate()) {
                    yield new Outcome.SecondFactorNeeded();
                }
                String handle = input.who() == null ? "" : input.who().strip();
                if (handle.isEmpty()) {
                    yield new Outcome.HandleMissing(access);
                }
                // someone who may not see the community (a hidden one they are not invited to) is not asked: the
                // invitation would show them its name, and they could not answer it
                Optional<String> clinician = members.idOfHandle(handle).filter(id -> review.verified(id).isPresent())
                        .filter(id -> members.viewer(id).flatMap(v -> communities.visibleTo(input.slug(), v)).filter(Access::canSee).isPresent());
                if (clinician.isEmpty()) {
                    yield new Outcome.NoVerifiedClinician(access, handle);
                }
                yield boards.invite(communityId, clinician.get(), me) ? new Outcome.Done(access, Step.INVITE) : new Outcome.AlreadyInvited(access);
            }
            case ACCEPT, DECLINE -> {
                if (!boards.invited(communityId, me)) {
                    yield new Outcome.NothingWaiting(access);
                }
                if (input.step() == Step.ACCEPT && review.verified(me).isEmpty()) {
                    yield new Outcome.NotVerified(access);
                }
                yield boards.answer(communityId, me, input.step() == Step.ACCEPT) ? new Outcome.Done(access, input.step())
                        : new Outcome.NothingWaiting(access);
            }
            case END -> {
                boolean own = input.who() == null || input.who().isBlank() || input.who().equals(me);
                if (!own && !access.owns()) {
                    yield new Outcome.NotFound();
                }
                if (!own && !access.canModerate()) {
                    yield new Outcome.SecondFactorNeeded();
                }
                yield boards.end(communityId, own ? me : input.who()) ? new Outcome.Done(access, Step.END)
                        : new Outcome.NothingWaiting(access);
            }
        };
    }
}
