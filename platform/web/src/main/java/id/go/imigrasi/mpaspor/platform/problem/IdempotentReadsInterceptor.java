package id.go.imigrasi.mpaspor.platform.problem;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;

import io.smallrye.mutiny.Uni;

/**
 * The one mechanism behind {@link IdempotentReads}: a resource's {@code GET}/{@code HEAD} method is invoked again,
 * once, when it failed because the database connection was lost ({@link DatabaseUnavailable#matches}); a second
 * loss reaches the problem mapper as 503 + Retry-After. Reactive methods ({@code Uni}) are re-invoked on
 * re-subscription ({@link RetryRead#once}), blocking ones at once. Outermost of the method's interceptors (platform
 * priority), so the session a retried read opens (Hibernate Reactive Panache's session on demand, {@code @WithSession})
 * is a new one on a new connection. Any other method passes through untouched.
 */
@IdempotentReads
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class IdempotentReadsInterceptor {

    private static final Map<Method, Boolean> READS = new ConcurrentHashMap<>();

    @AroundInvoke
    @SuppressWarnings("unchecked")
    Object retryReadOnce(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        if (!READS.computeIfAbsent(method, IdempotentReadsInterceptor::isRead)) {
            return invocation.proceed();
        }
        if (Uni.class.isAssignableFrom(method.getReturnType())) {
            return RetryRead.<Object>once(() -> {
                try {
                    return (Uni<Object>) invocation.proceed();
                } catch (Exception e) {
                    return Uni.createFrom().failure(e);
                }
            });
        }
        try {
            return invocation.proceed();
        } catch (Exception e) {
            if (DatabaseUnavailable.matches(e)) {
                return invocation.proceed();
            }
            throw e;
        }
    }

    /** A GET or HEAD resource method, annotated on the class or on an interface it implements. */
    public static boolean isRead(Method method) {
        if (method.isAnnotationPresent(GET.class) || method.isAnnotationPresent(HEAD.class)) {
            return true;
        }
        for (Class<?> type : method.getDeclaringClass().getInterfaces()) {
            try {
                Method declared = type.getMethod(method.getName(), method.getParameterTypes());
                if (declared.isAnnotationPresent(GET.class) || declared.isAnnotationPresent(HEAD.class)) {
                    return true;
                }
            } catch (NoSuchMethodException notThere) {
                // next interface
            }
        }
        return false;
    }
}
