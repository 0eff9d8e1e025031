package io.herald.api.corpus;

import io.herald.api.admin.RequiresScope;
import io.herald.api.status.StatuspageV2Resource;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every JAX-RS route of status-api, found by reflection over its compiled classes (not a hand-kept list), so a new
 * endpoint is in the corpus and the auth matrix the day it is written.
 */
public final class ApiRoutes {

    /** One route: its method, its path template, the scope it needs (null: public) and its parameters. */
    public record Route(String method, String template, String scope, List<String> queryParams,
            List<String> headerParams, Method javaMethod) {
        public boolean isPublic() {
            return scope == null;
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private ApiRoutes() {
    }

    public static List<Route> all() {
        List<Route> routes = new ArrayList<>();
        for (Class<?> type : resourceClasses()) {
            Path base = type.getAnnotation(Path.class);
            for (Method method : type.getDeclaredMethods()) {
                String http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String template = join(base.value(), sub == null ? "" : sub.value());
                RequiresScope scope = method.getAnnotation(RequiresScope.class);
                if (scope == null) {
                    scope = type.getAnnotation(RequiresScope.class);
                }
                List<String> query = new ArrayList<>();
                List<String> headers = new ArrayList<>();
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.getAnnotation(QueryParam.class) != null) {
                        query.add(parameter.getAnnotation(QueryParam.class).value());
                    }
                    if (parameter.getAnnotation(HeaderParam.class) != null) {
                        headers.add(parameter.getAnnotation(HeaderParam.class).value());
                    }
                }
                routes.add(new Route(http, template, scope == null ? null : scope.value(), query, headers, method));
            }
        }
        routes.sort(Comparator.comparing(Route::template).thenComparing(Route::method));
        return routes;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static List<Class<?>> resourceClasses() {
        try {
            java.nio.file.Path root = Paths.get(StatuspageV2Resource.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
            List<Class<?>> classes = new ArrayList<>();
            try (Stream<java.nio.file.Path> files = Files.walk(root)) {
                for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files::iterator) {
                    String name = root.relativize(file).toString();
                    if (!name.endsWith(".class") || name.contains("$")) {
                        continue;
                    }
                    Class<?> type = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false,
                            StatuspageV2Resource.class.getClassLoader());
                    if (type.getAnnotation(Path.class) != null) {
                        classes.add(type);
                    }
                }
            }
            if (classes.isEmpty()) {
                throw new IllegalStateException("no JAX-RS resource found under " + root);
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
