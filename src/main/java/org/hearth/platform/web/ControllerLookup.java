package org.hearth.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a request's controller among the request mappings whose paths could fit it, instead of
 * asking every one of them. Spring MVC looks up directly only paths without variables; a page
 * such as {@code /c/{slug}/t/{id}} was compared with each of 140 mappings (method, conditions,
 * pattern): 4 % of a signed-in topic page's CPU time in a JFR profile
 * (docs/topic-page-cost.md).
 *
 * <p>The shape of each pattern is read once: its first segment when that is plain text, and its
 * number of segments when that is fixed (no {@code *} anywhere). A mapping none of whose shapes
 * fits the request's path cannot match it, and is passed over; Spring decides among the rest as
 * before, and answers 404 and 405 from all mappings as before. While the controller is looked
 * for, the request also answers its HTTP method at once, rather than through the wrappers that
 * Spring Session and Spring Security put around it each of the many times it is asked.
 */
final class ControllerLookup extends RequestMappingHandlerMapping {

    private final Map<RequestMappingInfo, Shape[]> shapes = new ConcurrentHashMap<>();

    @Override
    protected HandlerMethod getHandlerInternal(HttpServletRequest request) throws Exception {
        return super.getHandlerInternal(new Lookup(request));
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        if (request instanceof Lookup lookup && !mayFit(info, lookup.path())) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private boolean mayFit(RequestMappingInfo info, Path path) {
        if (path == null) {
            return true;
        }
        Shape[] of = shapes.get(info);
        if (of == null) {
            of = Shape.of(info, getPatternParser() == null || getPatternParser().isCaseSensitive());
            shapes.put(info, of);
        }
        for (Shape shape : of) {
            if (shape.fits(path)) {
                return true;
            }
        }
        return false;
    }

    /** A request's path as far as shapes go: its first segment as patterns compare it, and its slashes. */
    record Path(String first, int separators) {

        static Path of(HttpServletRequest request) {
            if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
                return null;
            }
            var elements = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().elements();
            int separators = 0;
            for (PathContainer.Element element : elements) {
                if (element instanceof PathContainer.Separator) {
                    separators++;
                }
            }
            String first = elements.size() > 1 && elements.get(0) instanceof PathContainer.Separator
                    && elements.get(1) instanceof PathContainer.PathSegment segment ? segment.valueToMatch() : "";
            return new Path(first, separators);
        }
    }

    /**
     * What every path a pattern matches has in common.
     *
     * @param first the pattern's first segment, or null when it is not plain text
     * @param separators the number of slashes in every path it matches, or -1 when that varies
     */
    record Shape(String first, int separators) {

        static final Shape ANY = new Shape(null, -1);

        static Shape[] of(RequestMappingInfo info, boolean caseSensitive) {
            PathPatternsRequestCondition condition = info.getPathPatternsCondition();
            if (condition == null || !caseSensitive || condition.getPatterns().isEmpty()) {
                return new Shape[] {ANY};
            }
            return condition.getPatterns().stream().map(PathPattern::getPatternString).map(Shape::of).toArray(Shape[]::new);
        }

        static Shape of(String pattern) {
            // a variable's own expression ({id:[0-9]+}) may hold anything, slashes included
            if (!pattern.startsWith("/") || pattern.indexOf(':') >= 0) {
                return ANY;
            }
            int end = pattern.indexOf('/', 1);
            String first = pattern.substring(1, end < 0 ? pattern.length() : end);
            boolean plain = first.chars().noneMatch(c -> c == '{' || c == '*' || c == '?');
            int separators = pattern.indexOf('*') >= 0 ? -1 : (int) pattern.chars().filter(c -> c == '/').count();
            return new Shape(plain ? first : null, separators);
        }

        boolean fits(Path path) {
            return (first == null || first.equals(path.first()))
                    && (separators < 0 || separators == path.separators());
        }
    }

    /** The request while its controller is looked for. */
    private static final class Lookup extends HttpServletRequestWrapper {

        private final String method;
        private Path path;
        private boolean pathRead;

        Lookup(HttpServletRequest request) {
            super(request);
            this.method = request.getMethod();
        }

        @Override
        public String getMethod() {
            return method;
        }

        Path path() {
            if (!pathRead) {
                path = Path.of(this);
                pathRead = true;
            }
            return path;
        }
    }

    /** Hands Spring MVC this lookup in place of its own. */
    @Component
    static final class Registration implements WebMvcRegistrations {

        @Override
        public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
            return new ControllerLookup();
        }
    }
}
