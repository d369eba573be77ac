package org.hearth.platform.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.hearth.platform.health.RecentWrites;
import org.hearth.platform.security.SignIn;
import org.hearth.platform.security.Viewer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.util.function.SingletonSupplier;

/**
 * Renders jte templates that were compiled with the application (no compiler at run time).
 * A view name is the template's path without ".jte", e.g. {@code org/hearth/community/web/directory};
 * templates sit next to the controllers that use them.
 */
@Configuration(proxyBeanMethods = false)
class JteViews {

    @Bean
    TemplateEngine templateEngine() {
        return TemplateEngine.createPrecompiled(ContentType.Html);
    }

    @Bean
    ViewResolver jteViewResolver(TemplateEngine engine, ObjectProvider<AdministrationPage> administration,
            ObjectProvider<ReadersTimeZone> timeZones, ObjectProvider<UnreadNotifications> unread, RecentWrites writes) {
        return new JteViewResolver(engine, administration, timeZones, unread, writes);
    }

    static final class JteViewResolver implements ViewResolver, Ordered {

        private final TemplateEngine engine;
        private final ObjectProvider<AdministrationPage> administration;
        private final Supplier<ReadersTimeZone> timeZones;
        private final Supplier<UnreadNotifications> unread;
        private final RecentWrites writes;

        JteViewResolver(TemplateEngine engine, ObjectProvider<AdministrationPage> administration,
                ObjectProvider<ReadersTimeZone> timeZones, ObjectProvider<UnreadNotifications> unread, RecentWrites writes) {
            this.engine = engine;
            this.administration = administration;
            // looked up once, at the first page: asking the bean factory on every page cost 2 % of a topic page's CPU
            this.timeZones = SingletonSupplier.of(timeZones::getIfAvailable);
            this.unread = SingletonSupplier.of(unread::getIfAvailable);
            this.writes = writes;
        }

        @Override
        public View resolveViewName(String viewName, Locale locale) {
            if (viewName.startsWith("redirect:") || viewName.startsWith("forward:")) {
                return null;
            }
            String template = viewName + ".jte";
            return engine.hasTemplate(template) ? new JteView(engine, template, administration, timeZones, unread, writes) : null;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    record JteView(TemplateEngine engine, String template, ObjectProvider<AdministrationPage> administration,
            Supplier<ReadersTimeZone> timeZones, Supplier<UnreadNotifications> unread, RecentWrites writes) implements View {

        @Override
        public String getContentType() {
            return "text/html;charset=UTF-8";
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            Map<String, Object> params = new HashMap<>(model == null ? Map.of() : model);
            CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            Viewer viewer = SignIn.currentViewer();
            ReadersTimeZone zones = timeZones.get();
            ZoneId zone = viewer == null || zones == null ? null : zones.of(viewer.memberId()).orElse(null);
            Page page = Page.from(params, viewer, csrf, viewer != null && viewer.siteAdmin()
                    ? administration.orderedStream().map(AdministrationPage::menuLink).flatMap(Optional::stream).toList()
                    : List.of(), zone, writes.failingNow(), unreadOf(viewer));
            params.put("page", page);
            // Templates are compiled with their static parts already in UTF-8 (binaryStaticContent),
            // so a page is copied out as bytes, never built as a String and encoded again: that
            // encoding was a quarter of a topic page's CPU time. The page goes out in one write,
            // not chunk by chunk through every response wrapper.
            PageBytes output = new PageBytes(32 * 1024);
            engine.render(template, params, new PageHtml(output));
            response.setContentType(getContentType());
            if (page.noindex()) {
                response.setHeader("X-Robots-Tag", "noindex, nofollow");
            }
            response.setContentLength(output.length());
            output.writeTo(response.getOutputStream());
        }

        /** None for a visitor; asked once per page of a member. */
        private int unreadOf(Viewer viewer) {
            UnreadNotifications counts = unread.get();
            return viewer == null || counts == null ? 0 : counts.of(viewer.memberId());
        }
    }
}
