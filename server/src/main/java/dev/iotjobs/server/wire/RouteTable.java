package dev.iotjobs.server.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** One plane's routes, tried in the order they were added; the first whose method and path match runs. */
final class RouteTable {
    private final List<Route> routes = new ArrayList<>();

    /**
     * @param template {@code METHOD /path/{label}}
     * @param operation what the route does with a matching request
     * @return this table
     */
    RouteTable add(String template, Function<WireCall, Answer> operation) {
        routes.add(new Route(RouteTemplate.of(template), operation));
        return this;
    }

    /**
     * @param request the request
     * @return the answer, or empty when no route has this method and path
     */
    Optional<Answer> handle(WireRequest request) {
        List<String> path = WireInput.pathSegments(request.rawPath());
        for (Route route : routes) {
            Optional<Map<String, String>> labels = route.template.match(request.method(), path);
            if (labels.isPresent()) {
                return Optional.of(route.operation.apply(new WireCall(labels.get(), request)));
            }
        }
        return Optional.empty();
    }

    /**
     * @param request the request
     * @return whether a route has its method and path (without running it)
     */
    boolean serves(WireRequest request) {
        List<String> path = WireInput.pathSegments(request.rawPath());
        return routes.stream().anyMatch(route -> route.template.match(request.method(), path).isPresent());
    }

    private record Route(RouteTemplate template, Function<WireCall, Answer> operation) {
    }
}
