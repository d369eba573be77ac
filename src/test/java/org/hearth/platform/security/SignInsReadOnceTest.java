package org.hearth.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

class SignInsReadOnceTest {

    private final SerializingConverter storing = new SerializingConverter();
    private final AtomicInteger reads = new AtomicInteger();
    private final DeserializingConverter plain = new DeserializingConverter(getClass().getClassLoader());
    private final Converter<byte[], Object> counted = bytes -> {
        reads.incrementAndGet();
        return plain.convert(bytes);
    };

    private static SecurityContext signedIn(String handle, boolean secondFactor) {
        SignedInMember member = new SignedInMember(new Viewer("m-" + handle, handle, false, secondFactor), null);
        java.util.List<org.springframework.security.core.GrantedAuthority> authorities = new java.util.ArrayList<>(member.getAuthorities());
        authorities.add(FactorGrantedAuthority.withAuthority("FACTOR_PASSWORD").issuedAt(Instant.EPOCH).build());
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(member, null, authorities));
    }

    @Test
    void aSignInIsReadFromItsBytesOnceAndEachReadGetsItsOwnContext() {
        SignInsReadOnce sessions = new SignInsReadOnce(counted, 10);
        byte[] stored = storing.convert(signedIn("river", false));

        SecurityContext first = (SecurityContext) sessions.convert(stored);
        SecurityContext second = (SecurityContext) sessions.convert(stored.clone());

        assertThat(reads).hasValue(1);
        assertThat(second.getAuthentication().getName()).isEqualTo("river");
        assertThat(second.getAuthentication().getAuthorities()).extracting(a -> a.getAuthority())
                .containsExactly("ROLE_MEMBER", "FACTOR_PASSWORD");
        assertThat(second).isNotSameAs(first);

        first.setAuthentication(null); // what signing out does to the context it was given
        assertThat(((SecurityContext) sessions.convert(stored)).getAuthentication().getName()).isEqualTo("river");
    }

    @Test
    void differentBytesAreReadAfresh() {
        SignInsReadOnce sessions = new SignInsReadOnce(counted, 10);
        byte[] river = storing.convert(signedIn("river", false));
        byte[] riverWithCode = storing.convert(signedIn("river", true));
        byte[] harbour = storing.convert(signedIn("harbour", false));

        sessions.convert(river);
        SecurityContext withCode = (SecurityContext) sessions.convert(riverWithCode);
        SecurityContext other = (SecurityContext) sessions.convert(harbour);

        assertThat(reads).hasValue(3);
        assertThat(((SignedInMember) withCode.getAuthentication().getPrincipal()).viewer().secondFactor()).isTrue();
        assertThat(other.getAuthentication().getName()).isEqualTo("harbour");
    }

    @Test
    void changedStoredBytesAreNotMistakenForTheOnesRemembered() {
        SignInsReadOnce sessions = new SignInsReadOnce(counted, 10);
        byte[] stored = storing.convert(signedIn("river", false));
        sessions.convert(stored);

        stored[stored.length - 1] ^= 1; // the array the store handed over changes afterwards
        byte[] again = storing.convert(signedIn("river", false));

        assertThat(((SecurityContext) sessions.convert(again)).getAuthentication().getName()).isEqualTo("river");
        assertThat(reads).hasValue(1);
    }

    @Test
    void formTokensAreRememberedAndOtherValuesAreNot() {
        SignInsReadOnce sessions = new SignInsReadOnce(counted, 10);
        byte[] token = storing.convert(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "abc"));
        byte[] device = storing.convert("Firefox on Android");

        sessions.convert(token);
        assertThat(((DefaultCsrfToken) sessions.convert(token)).getToken()).isEqualTo("abc");
        sessions.convert(device);
        assertThat(sessions.convert(device)).isEqualTo("Firefox on Android");

        assertThat(reads).hasValue(3);
        assertThat(sessions.remembered()).isEqualTo(1);
    }

    @Test
    void theLeastRecentlyReadAreForgottenPastCapacity() {
        SignInsReadOnce sessions = new SignInsReadOnce(counted, 2);
        byte[] a = storing.convert(signedIn("a", false));
        byte[] b = storing.convert(signedIn("b", false));
        byte[] c = storing.convert(signedIn("c", false));

        sessions.convert(a);
        sessions.convert(b);
        sessions.convert(a); // a read recently, b not
        sessions.convert(c);
        assertThat(sessions.remembered()).isEqualTo(2);
        assertThat(reads).hasValue(3);

        sessions.convert(a);
        assertThat(reads).hasValue(3);
        sessions.convert(b);
        assertThat(reads).hasValue(4);
    }
}
