package org.hearth.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Proof that it is the member (a sign-in, the password typed again) counts for five minutes, not more. */
class ConfirmationTest {

    @Test
    void proofExpiresAfterFiveMinutes() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        long now = 1_800_000_000_000L;
        assertThat(SignIn.confirmedRecently(request, now)).as("never confirmed").isFalse();
        SignIn.confirmed(request, now);
        assertThat(SignIn.confirmedRecently(request, now + 4 * 60_000)).isTrue();
        assertThat(SignIn.confirmedRecently(request, now + 5 * 60_000 + 1)).isFalse();
    }
}
