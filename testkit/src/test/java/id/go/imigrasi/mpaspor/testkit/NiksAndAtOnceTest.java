package id.go.imigrasi.mpaspor.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class NiksAndAtOnceTest {

    @Test
    void niksAreSixteenDigitsAndDifferent() {
        Set<String> seen = new HashSet<>();
        IntStream.range(0, 1000).forEach(i -> seen.add(Niks.random()));
        assertThat(seen).hasSize(1000).allMatch(n -> n.matches("32[0-9]{14}"));
    }

    @Test
    void aNikOfABirthDateAndSexEncodesThem() {
        assertThat(Niks.of(LocalDate.of(1990, 3, 7), "MALE")).matches("31[0-9]{4}070390[0-9]{4}");
        assertThat(Niks.of(LocalDate.of(1985, 12, 17), "FEMALE")).matches("31[0-9]{4}571285[0-9]{4}");
        assertThat(Niks.of(LocalDate.of(1985, 12, 17), "FEMALE")).isNotEqualTo(Niks.of(LocalDate.of(1985, 12, 17),
                "FEMALE"));
    }

    @Test
    void theCopiesRunAtTheSameTime() throws Exception {
        // each copy waits for the other: this only ends if both run at once
        CyclicBarrier both = new CyclicBarrier(2);
        List<Integer> results = AtOnce.twice(() -> both.await(30, TimeUnit.SECONDS));
        assertThat(results).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void aFailureOfOneCopyIsThrown() {
        assertThatThrownBy(() -> AtOnce.run(3, () -> {
            throw new IllegalArgumentException("boom");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("boom");
    }
}
