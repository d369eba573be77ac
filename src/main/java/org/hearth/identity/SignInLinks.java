package org.hearth.identity;

import static org.hearth.identity.schema.Tables.EMAIL_TOKENS;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.springframework.security.authentication.LockedException;
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

    SignInLinks(EmailLinks links, Members members) {
        this.links = links;
        this.members = members;
    }

    /**
     * Writes down the request and nothing else, whether or not anyone has that handle or
     * address: the link is issued and mailed afterwards ({@link EmailLinks#answerRequests}).
     * No token exists yet, so none is returned; the page says the same thing either way.
     */
    @Override
    public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
        String asked = request.getUsername();
        if (asked != null && !asked.isBlank() && asked.length() <= 254) {
            links.signInLinkAsked(asked);
        }
        return null;
    }

    @Override
    @Transactional
    public OneTimeToken consume(OneTimeTokenAuthenticationToken authentication) {
        String token = authentication.getTokenValue();
        return links.spend(token, EmailLinks.Purpose.SIGN_IN)
                .map(r -> {
                    String memberId = r.get(EMAIL_TOKENS.MEMBER_ID);
                    // Spring's link sign-in asks nothing of the account; a suspended one is refused here
                    if (members.suspendedUntil(memberId).isPresent()) {
                        throw new LockedException("suspended");
                    }
                    return new DefaultOneTimeToken(token, members.handleOf(memberId).orElseThrow(),
                            Instant.ofEpochMilli(r.get(EMAIL_TOKENS.EXPIRES_AT)));
                })
                .orElse(null);
    }

    /** Whatever happened, the same page: "if that account can receive mail, a link is on its way". */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken token) throws IOException {
        response.sendRedirect("/sign-in/link?sent");
    }
}
