package id.go.imigrasi.mpaspor.quota.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/**
 * The pre-queue's shuffle is uniform: over repeated pre-queues every order of 4 people comes up equally often, and every
 * joiner of a larger pre-queue is equally likely at every position (chi-square goodness of fit, significance 0.001).
 */
class QueueShuffleTest {

    private static final double SIGNIFICANCE = 0.001;

    @Test
    void everyOrderOfAPreQueueIsEquallyLikely() {
        QueueShuffle shuffle = new QueueShuffle();
        List<Integer> joined = List.of(0, 1, 2, 3);
        int rounds = 48_000;   // 24 orders, 2,000 expected each
        Map<List<Integer>, Integer> seen = new HashMap<>();
        for (int i = 0; i < rounds; i++) {
            seen.merge(shuffle.shuffle(joined), 1, Integer::sum);
        }
        assertThat(seen).hasSize(24);
        double expected = rounds / 24.0;
        double chiSquare = seen.values().stream().mapToDouble(o -> (o - expected) * (o - expected) / expected).sum();
        assertThat(chiSquare).as("chi-square of 24 orders").isLessThan(critical(23));
    }

    @Test
    void everyJoinerIsEquallyLikelyAtEveryPosition() {
        QueueShuffle shuffle = new QueueShuffle();
        int n = 20;
        int rounds = 20_000;   // 1,000 expected per cell
        List<Integer> joined = IntStream.range(0, n).boxed().toList();
        long[][] at = new long[n][n];
        for (int r = 0; r < rounds; r++) {
            List<Integer> order = shuffle.shuffle(joined);
            for (int position = 0; position < n; position++) {
                at[order.get(position)][position]++;
            }
        }
        double expected = rounds / (double) n;
        for (int joiner = 0; joiner < n; joiner++) {
            double chiSquare = 0;
            for (int position = 0; position < n; position++) {
                chiSquare += (at[joiner][position] - expected) * (at[joiner][position] - expected) / expected;
            }
            // the first and the last to join (in join order) have no edge either
            assertThat(chiSquare).as("joiner %d", joiner).isLessThan(critical(n - 1));
        }
    }

    @Test
    void theShuffleKeepsEveryoneOnce() {
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            joined.add("acc-" + i);
        }
        List<String> order = new QueueShuffle().shuffle(joined);
        assertThat(order).hasSize(1000).containsExactlyInAnyOrderElementsOf(joined).isNotEqualTo(joined);
        assertThat(new QueueShuffle().shuffle(List.of())).isEmpty();
    }

    /** With 20 joiners checked at 0.001 each, the whole test fails by chance in about 2 % of the runs: bound it. */
    private static double critical(int degreesOfFreedom) {
        return new ChiSquaredDistribution(degreesOfFreedom).inverseCumulativeProbability(1 - SIGNIFICANCE / 20);
    }
}
