package io.herald.web.corpus;

import io.herald.web.WebConfig;
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
 * Every route of status-web, found over its compiled classes (not a hand-kept list), so a new page is in the corpus
 * the day it is written: the JAX-RS resources by reflection, the static files by walking META-INF/resources. The two
 * plain Vert.x routes (the home page and the live channel, registered on the Router rather than annotated) are named
 * here, since no annotation marks them.
 */
public final class WebRoutes {

    /** One route: its method, its path template ({name} or {name:regex} parts) and its query parameters. */
    public record Route(String method, String template, List<String> queryParams) {
        public boolean isAdmin() {
            return template.equals("/admin") || template.startsWith("/admin/");
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** The routes on the Router itself: GET / (the home page) and GET /events (the live channel). */
    static final List<Route> VERTX_ROUTES = List.of(new Route("GET", "/", List.of("lang")),
            new Route("GET", "/events", List.of("lang")));

    private WebRoutes() {
    }

    public static List<Route> all() {
        List<Route> routes = new ArrayList<>(VERTX_ROUTES);
        for (Class<?> type : resourceClasses()) {
            Path base = type.getAnnotation(Path.class);
            for (Method method : type.getDeclaredMethods()) {
                String http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                List<String> query = new ArrayList<>();
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.getAnnotation(QueryParam.class) != null) {
                        query.add(parameter.getAnnotation(QueryParam.class).value());
                    }
                }
                routes.add(new Route(http, join(base.value(), sub == null ? "" : sub.value()), query));
            }
        }
        for (String file : staticFiles()) {
            routes.add(new Route("GET", file, List.of()));
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

    private static java.nio.file.Path classesRoot() {
        try {
            return Paths.get(WebConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files Quarkus serves from META-INF/resources (CSS, scripts, icons), as paths. */
    private static List<String> staticFiles() {
        java.nio.file.Path root = classesRoot().resolve("META-INF/resources");
        List<String> files = new ArrayList<>();
        try (Stream<java.nio.file.Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(file -> files.add("/" + root.relativize(file).toString()
                    .replace('\\', '/')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no static file found under " + root);
        }
        return files;
    }

    private static List<Class<?>> resourceClasses() {
        java.nio.file.Path root = classesRoot();
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files::iterator) {
                String name = root.relativize(file).toString();
                if (!name.endsWith(".class") || name.contains("$") || !name.startsWith("io/herald/web/")) {
                    continue;
                }
                Class<?> type = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false,
                        WebConfig.class.getClassLoader());
                if (type.getAnnotation(Path.class) != null) {
                    classes.add(type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("no JAX-RS resource found under " + root);
        }
        return classes;
    }
}
