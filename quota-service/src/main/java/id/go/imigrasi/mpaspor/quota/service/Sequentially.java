package id.go.imigrasi.mpaspor.quota.service;

import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/** One reactive session is not concurrent: effects on several rows run one after the other. */
final class Sequentially {

    private Sequentially() {
    }

    static <T> Uni<Void> each(List<T> items, Function<T, Uni<Void>> effect) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.chain(() -> effect.apply(item));
        }
        return chain;
    }
}
