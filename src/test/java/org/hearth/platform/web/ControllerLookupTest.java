package org.hearth.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hearth.testing.OnSqlite;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Hearth's controller lookup chooses what Spring MVC's own would, for every page Hearth has: a
 * path made from each pattern, with each of its methods and with one it does not take, and the
 * same paths with a slash more, a segment more or less, another first segment, the first segment
 * percent-encoded and with a matrix parameter.
 */
@OnSqlite
class ControllerLookupTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    RequestMappingHandlerMapping requestMappingHandlerMapping;

    @Test
    void findsWhatSpringsOwnLookupFinds() throws Exception {
        assertThat(requestMappingHandlerMapping).isInstanceOf(ControllerLookup.class);
        RequestMappingHandlerMapping plain = new RequestMappingHandlerMapping();
        plain.setApplicationContext(context);
        plain.afterPropertiesSet();
        assertThat(plain.getHandlerMethods()).hasSameSizeAs(requestMappingHandlerMapping.getHandlerMethods())
                .hasSizeGreaterThan(100);

        Set<String> paths = new LinkedHashSet<>(List.of("/", "/nothing-here", "//c/x", "/c/", "/C/x/t/1"));
        for (RequestMappingInfo info : requestMappingHandlerMapping.getHandlerMethods().keySet()) {
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = concrete(pattern.getPatternString());
                paths.addAll(List.of(path, path + "/", path + "/extra", "/other" + path, parent(path),
                        encodedFirst(path), withParameter(path)));
            }
        }
        int found = 0;
        for (String path : paths) {
            for (RequestMethod method : RequestMethod.values()) {
                String expected = outcome(plain, method.name(), path);
                assertThat(outcome(requestMappingHandlerMapping, method.name(), path))
                        .as("%s %s", method, path).isEqualTo(expected);
                found += expected.startsWith("found") ? 1 : 0;
            }
        }
        assertThat(found).as("paths that found a controller").isGreaterThan(150);
    }

    /** The controller found and the pattern it matched by, or what was thrown instead. */
    private static String outcome(RequestMappingHandlerMapping mapping, String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            return chain == null ? "none"
                    : "found " + ((HandlerMethod) chain.getHandler()).getMethod().toGenericString() + " by "
                            + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) + " with "
                            + request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        } catch (Exception refused) {
            return refused.getClass().getName();
        }
    }

    /** A path the pattern matches: each variable given a value, each wildcard a segment. */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]+}", "a/b").replaceAll("\\{[^}]+}", "7")
                .replace("**", "a/b").replace("*", "x");
    }

    /** The first letter as %xx, which patterns compare decoded. */
    private static String encodedFirst(String path) {
        return path.length() > 1 && Character.isLetter(path.charAt(1))
                ? "/%" + Integer.toHexString(path.charAt(1)) + path.substring(2) : path;
    }

    /** A matrix parameter on the first segment, which patterns do not compare. */
    private static String withParameter(String path) {
        int end = path.indexOf('/', 1);
        return end < 0 ? path + ";v=1" : path.substring(0, end) + ";v=1" + path.substring(end);
    }

    private static String parent(String path) {
        List<String> segments = new ArrayList<>(List.of(path.split("/")));
        return segments.size() > 2 ? String.join("/", segments.subList(0, segments.size() - 1)) : "/";
    }
}
