package org.hearth.trust;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hearth.community.Access;
import org.hearth.community.Communities;
import org.hearth.platform.security.SignedInMember;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Counts the days on which a member visited a community: a page of it shown to them (the
 * community, a topic) counts that day, once. Which days were counted is remembered here, so a
 * member reading fifty topics costs one write a day, not fifty; on several nodes each may count
 * the day once more, which the stored last day turns into nothing.
 */
@Component
class CommunityVisits implements HandlerInterceptor, WebMvcConfigurer {

    private static final int REMEMBERED = 100_000;

    private final Communities communities;
    private final TrustLevels levels;
    private final Clock clock;
    private final Map<String, Integer> counted = new ConcurrentHashMap<>();

    CommunityVisits(Communities communities, TrustLevels levels, Clock clock) {
        this.communities = communities;
        this.levels = levels;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/c/*", "/c/*/t/*", "/c/*/review");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (!"GET".equals(request.getMethod()) || response.getStatus() != 200
                || !(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)
                || !(variables.get("slug") instanceof String slug)) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInMember member)) {
            return;
        }
        int today = (int) Math.floorDiv(clock.millis(), 86_400_000L);
        String key = slug + " " + member.viewer().memberId();
        Integer last = counted.get(key);
        if (last != null && last == today) {
            return;
        }
        if (counted.size() > REMEMBERED) {
            counted.clear(); // a day's worth of members at most; forgetting costs one more write each
        }
        try {
            communities.visibleTo(slug, member.viewer()).filter(Access::member).ifPresent(access -> {
                levels.visited(access.community().id(), member.viewer().memberId(), today);
                counted.put(key, today);
            });
        } catch (DataAccessException e) {
            // writing is paused: the page is shown all the same, and the day is counted at a later visit
        }
    }
}
