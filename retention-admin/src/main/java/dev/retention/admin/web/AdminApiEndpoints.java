package dev.retention.admin.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which admin JSON endpoints this application has. Features (loyalty, analytics, engagement...) register their own
 * controllers; the console asks here so a page can say "not installed" instead of showing an empty report.
 */
public class AdminApiEndpoints {

    private record Mapping(PathPattern pattern, Set<RequestMethod> methods) {
    }

    private final Supplier<RequestMappingHandlerMapping> handlerMapping;
    private volatile List<Mapping> mappings;

    public AdminApiEndpoints(Supplier<RequestMappingHandlerMapping> handlerMapping) {
        this.handlerMapping = handlerMapping;
    }

    /** Whether a controller answers {@code method path}, e.g. {@code GET /admin/retention/api/reports/kpis}. */
    public boolean exists(RequestMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (Mapping mapping : mappings()) {
            if ((mapping.methods().isEmpty() || mapping.methods().contains(method))
                    && mapping.pattern().matches(container)) {
                return true;
            }
        }
        return false;
    }

    public boolean get(String path) {
        return exists(RequestMethod.GET, path);
    }

    private List<Mapping> mappings() {
        List<Mapping> current = mappings;
        if (current == null) {
            current = new ArrayList<>();
            for (RequestMappingInfo info : handlerMapping.get().getHandlerMethods().keySet()) {
                for (String value : info.getPatternValues()) {
                    if (value.startsWith("/admin/retention/api")) {
                        current.add(new Mapping(PathPatternParser.defaultInstance.parse(value),
                                info.getMethodsCondition().getMethods()));
                    }
                }
            }
            mappings = current;
        }
        return current;
    }
}
