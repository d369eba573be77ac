package org.hearth.platform.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenFilter;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter.Directive;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may reach what, and the headers every page carries. Pages that anyone may read are open
 * here; whether a visitor may read a given community is decided by the community feature,
 * which answers 404 rather than 403 so that hidden things stay unknown.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    /** No script, style, font, image or frame from anywhere but Hearth itself. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    SecurityFilterChain hearthSecurity(HttpSecurity http, SecurityContextRepository contextRepository,
            AttemptLimits limits, OneTimeTokenService signInLinks, OneTimeTokenGenerationSuccessHandler linkSent,
            PasskeySecurity passkeys, SecondFactorRules secondFactor, Clock clock) throws Exception {
        SimpleUrlAuthenticationFailureHandler linkFailed = new SimpleUrlAuthenticationFailureHandler("/sign-in/link/failed");
        linkFailed.setUseForward(true);
        SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/sign-in/failed");
        failure.setUseForward(true); // keeps the typed handle on the page that says what went wrong
        http
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        // second factor: code still owed at sign-in, or an administrator without one
                        .requestMatchers(secondFactor.unfinishedSignIn()).access(secondFactor.secondFactorRequired())
                        .requestMatchers(secondFactor.administratorWithoutSecondFactor()).access(secondFactor.secondFactorRequired())
                        .requestMatchers("/admin/**").hasAuthority(SignedInMember.SITE_ADMIN)
                        .requestMatchers("/me/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/sign-up", "/sign-in", "/sign-in/link/**", "/setup/**", "/password/**").permitAll()
                        // one-click unsubscribe from a notification's e-mail (RFC 8058): the address is its own proof
                        .requestMatchers(HttpMethod.POST, "/unsubscribe/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/**").authenticated()
                        .anyRequest().permitAll())
                // a mail program's one-click POST carries no form token; the address holds a sealed secret instead
                .csrf(csrf -> csrf.ignoringRequestMatchers("/unsubscribe/**"))
                .addFilterBefore(new AttemptLimitFilter(limits), GenerateOneTimeTokenFilter.class) // the first of the sign-in filters
                .securityContext(context -> context.securityContextRepository(contextRepository))
                // second factor: a missing FACTOR_TOTP leads to the code page or to setting one up
                .exceptionHandling(exceptions -> exceptions
                        .defaultDeniedHandlerForMissingAuthority(secondFactor.entryPoint(), SecondFactorRules.FACTOR)
                        .defaultDeniedHandlerForMissingAuthority(secondFactor.entryPoint(), SecondFactorRules.PASSKEY_FACTOR))
                .formLogin(form -> form
                        .loginPage("/sign-in")
                        .loginProcessingUrl("/sign-in")
                        .usernameParameter("handle")
                        .successHandler(new DeviceRecordingSuccessHandler(clock))
                        .passwordParameter("password")
                        .failureHandler(failure)
                        .permitAll())
                // Sign-in links by e-mail: the token service and the mail come from the accounts feature.
                .oneTimeTokenLogin(link -> link
                        .tokenGeneratingUrl("/sign-in/link")
                        .tokenService(signInLinks)
                        .tokenGenerationSuccessHandler(linkSent)
                        .loginProcessingUrl("/sign-in/link/use")
                        .showDefaultSubmitPage(false)
                        .loginPage("/sign-in")
                        .successHandler(new DeviceRecordingSuccessHandler(clock))
                        .failureHandler(linkFailed))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out")
                        // over HTTPS, the browser also forgets cached pages and storage of this site
                        .addLogoutHandler(new HeaderWriterLogoutHandler(new ClearSiteDataHeaderWriter(
                                Directive.CACHE, Directive.COOKIES, Directive.STORAGE))))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(permissions -> permissions.policy(
                                "camera=(), microphone=(), geolocation=(), interest-cohort=()")));
        passkeys.applyTo(http); // passkeys: registration and sign-in, see PasskeySecurity
        return http.build();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /** Argon2id at OWASP's minimum cost: 19 MiB of memory, 2 iterations, 1 lane. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ViewerArgumentResolver());
    }
}
