package id.go.imigrasi.mpaspor.quota.service;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The order of a waiting room's pre-queue: everyone who joined before {@code releaseAt} is put in a uniformly random
 * order at {@code releaseAt} (Fisher–Yates with a {@link SecureRandom}: every one of the n! orders equally likely, and
 * nobody can predict it from earlier draws), so that joining at 03:59:59.999 gives no edge over joining at 03:45.
 * {@code QueueShuffleTest} checks the uniformity with a chi-square test over repeated pre-queues.
 */
public final class QueueShuffle {

    private final Random random;

    public QueueShuffle() {
        this(new SecureRandom());
    }

    QueueShuffle(Random random) {
        this.random = random;
    }

    /** A new list with the elements of {@code joined} in random order. */
    public <T> List<T> shuffle(List<T> joined) {
        List<T> order = new ArrayList<>(joined);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);      // uniform in 0..i (nextInt has no modulo bias)
            T swap = order.get(i);
            order.set(i, order.get(j));
            order.set(j, swap);
        }
        return order;
    }
}
