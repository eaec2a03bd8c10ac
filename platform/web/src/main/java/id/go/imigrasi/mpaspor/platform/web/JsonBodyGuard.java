package id.go.imigrasi.mpaspor.platform.web;

import java.io.File;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import id.go.imigrasi.mpaspor.platform.problem.CommonProblem;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;

/**
 * An endpoint that reads a JSON body gets one: without a {@code Content-Type}, or with one that is not JSON, it
 * answers 415; with an empty body (which Jackson would hand the resource as {@code null}) it answers 400
 * {@code malformed-request}. Both as problem+json, before the resource method runs. Endpoints that read raw
 * bytes or text (tus PATCH, signed callbacks read as text) are left alone.
 */
public class JsonBodyGuard {

    private final Map<Method, Boolean> readsJson = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void requireJsonBody(ContainerRequestContext request, ResourceInfo resource) {
        String method = request.getMethod();
        if (!("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method))
                || resource == null || resource.getResourceMethod() == null
                || !readsJson.computeIfAbsent(resource.getResourceMethod(), m -> readsJson(m, resource.getResourceClass()))) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || !isJson(type)) {
            throw ProblemException.of(CommonProblem.UNSUPPORTED_MEDIA_TYPE);
        }
        if (empty(request)) {
            throw ProblemException.of(CommonProblem.MALFORMED_REQUEST);
        }
    }

    private static boolean empty(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return "0".equals(length.trim());
        }
        return request.getHeaderString("Transfer-Encoding") == null;
    }

    static boolean isJson(MediaType type) {
        return "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    /** The method has a body parameter bound by Jackson: a record or bean, consumed as JSON (or unspecified). */
    static boolean readsJson(Method method, Class<?> resourceClass) {
        Consumes consumes = method.getAnnotation(Consumes.class);
        if (consumes == null && resourceClass != null) {
            consumes = resourceClass.getAnnotation(Consumes.class);
        }
        if (consumes != null && Arrays.stream(consumes.value()).map(MediaType::valueOf).noneMatch(JsonBodyGuard::isJson)) {
            return false;
        }
        for (Parameter parameter : method.getParameters()) {
            if (isBody(parameter)) {
                Class<?> type = parameter.getType();
                return !(type.isPrimitive() || type == String.class || type == byte[].class
                        || InputStream.class.isAssignableFrom(type) || File.class.isAssignableFrom(type)
                        || type.getName().startsWith("java.nio.") || type.getName().startsWith("io.vertx.")
                        || type.getName().startsWith("io.smallrye.mutiny."));
            }
        }
        return false;
    }

    private static boolean isBody(Parameter parameter) {
        for (Annotation a : parameter.getAnnotations()) {
            String name = a.annotationType().getName();
            if (name.startsWith("jakarta.ws.rs.") || name.startsWith("org.jboss.resteasy.reactive.")) {
                return false;
            }
        }
        String type = parameter.getType().getName();
        return !(type.startsWith("jakarta.ws.rs.") || type.startsWith("org.jboss.resteasy.reactive.")
                || type.startsWith("io.vertx.ext.web.") || type.startsWith("io.vertx.core.http.")
                || type.startsWith("io.quarkus.") || type.startsWith("jakarta.servlet."));
    }
}
