package id.go.imigrasi.mpaspor.platform.problem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * On a REST resource class: its {@code GET} and {@code HEAD} methods are run again, once, on a fresh connection when
 * the database connection they used was lost ({@link RetryRead}, {@link IdempotentReadsInterceptor}). Every resource
 * of every service carries it ({@code ServiceContract} checks that no read endpoint is left out); writes are never
 * retried here: they answer 503 + Retry-After ({@link DatabaseUnavailable}) and the client decides.
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface IdempotentReads {
}
