package id.go.imigrasi.mpaspor.account.service;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A typed configuration group (an {@code @ConfigMapping} interface) with the given values, for rules tested alone. */
final class Policies {

    private Policies() {
    }

    @SuppressWarnings("unchecked")
    static <T> T of(Class<T> type, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            if (!values.containsKey(method.getName())) {
                throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName() + " not set");
            }
            return values.get(method.getName());
        });
    }
}
