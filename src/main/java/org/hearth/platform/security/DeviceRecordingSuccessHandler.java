package org.hearth.platform.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** After a password sign-in, notes which device the session belongs to, then goes on as usual. */
final class DeviceRecordingSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private final Clock clock;

    DeviceRecordingSuccessHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        SignIn.recordSignIn(request, clock.millis());
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
