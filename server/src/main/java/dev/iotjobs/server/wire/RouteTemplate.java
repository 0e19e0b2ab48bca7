package dev.iotjobs.server.wire;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One route of an AWS model, {@code PUT /jobs/{jobId}/cancel}: a method and path segments, each a literal or a
 * {@code {label}} that takes one decoded segment.
 */
final class RouteTemplate {
    private final String method;
    private final List<String> segments;

    private RouteTemplate(String method, List<String> segments) {
        this.method = method;
        this.segments = segments;
    }

    /**
     * @param route {@code METHOD /path/{label}/...}
     * @return the template
     */
    static RouteTemplate of(String route) {
        int space = route.indexOf(' ');
        return new RouteTemplate(route.substring(0, space), List.of(route.substring(space + 2).split("/")));
    }

    /**
     * @param path the request's decoded path segments
     * @return whether the path has this route's shape, whatever the method
     */
    boolean matchesPath(List<String> path) {
        if (path.size() != segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            if (!isLabel(segments.get(i)) && !segments.get(i).equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param requestMethod the request's method
     * @param path the request's decoded path segments
     * @return the labels' values when method and path match
     */
    Optional<Map<String, String>> match(String requestMethod, List<String> path) {
        if (!method.equals(requestMethod) || !matchesPath(path)) {
            return Optional.empty();
        }
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            if (isLabel(segments.get(i))) {
                labels.put(segments.get(i).substring(1, segments.get(i).length() - 1), path.get(i));
            }
        }
        return Optional.of(labels);
    }

    private static boolean isLabel(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }
}
