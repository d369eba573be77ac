package org.hearth.identity;

import static org.hearth.identity.schema.Tables.EMAIL_TOKENS;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.hearth.platform.mail.Outbox;
import org.hearth.platform.web.PublicAddress;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in links by e-mail, through Spring Security's one-time-token login. Replaces its token
 * service, which keeps tokens in clear: here only a digest is stored, in the same table and with
 * the same rules as the other e-mailed links. The page after asking always says the same
 * thing, so it cannot tell whether an account exists.
 */
@Component
class SignInLinks implements OneTimeTokenService, OneTimeTokenGenerationSuccessHandler {

    private final EmailLinks links;
    private final Members members;
    private final Outbox outbox;
    private final PublicAddress address;
    private final Clock clock;

    SignInLinks(EmailLinks links, Members members, Outbox outbox, PublicAddress address, Clock clock) {
        this.links = links;
        this.members = members;
        this.outbox = outbox;
        this.address = address;
        this.clock = clock;
    }

    /** Issues a link when the handle or verified address belongs to a member with a verified address; else null. */
    @Override
    @Transactional
    public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
        String asked = request.getUsername();
        if (asked == null || asked.isBlank() || asked.length() > 254) {
            return null;
        }
        Optional<String> memberId = members.idForRecovery(asked);
        Optional<String> email = memberId.flatMap(members::verifiedEmail);
        if (email.isEmpty()) {
            return null;
        }
        String token = links.issue(memberId.get(), EmailLinks.Purpose.SIGN_IN, email.get());
        String handle = members.handleOf(memberId.get()).orElseThrow();
        outbox.queue(email.get(), "Your Hearth sign-in link",
                "Open this link within " + links.minutes() + " minutes to sign in to Hearth as " + handle + ":\n\n"
                        + address.of("/sign-in/link/use?token=" + token)
                        + "\n\nIt works once. If you did not ask for it, ignore this message.\n");
        return new DefaultOneTimeToken(token, handle, Instant.ofEpochMilli(clock.millis() + links.minutes() * 60_000));
    }

    @Override
    @Transactional
    public OneTimeToken consume(OneTimeTokenAuthenticationToken authentication) {
        String token = authentication.getTokenValue();
        return links.spend(token, EmailLinks.Purpose.SIGN_IN)
                .map(r -> new DefaultOneTimeToken(token, members.handleOf(r.get(EMAIL_TOKENS.MEMBER_ID)).orElseThrow(),
                        Instant.ofEpochMilli(r.get(EMAIL_TOKENS.EXPIRES_AT))))
                .orElse(null);
    }

    /** Whatever happened, the same page: "if that account can receive mail, a link is on its way". */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken token) throws IOException {
        response.sendRedirect("/sign-in/link?sent");
    }
}
