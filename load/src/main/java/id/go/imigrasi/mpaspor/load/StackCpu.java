package id.go.imigrasi.mpaspor.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU-ms (user + system) each process of the running stack has used so far: every component by its pid file in the
 * run directory ({@code .run/pids}), and PostgreSQL as the sum of its processes (the services' pooled connections live
 * for the whole run). Read from {@code /proc}; the load generator is not in it.
 */
final class StackCpu {

    /** Linux reports /proc times in USER_HZ, 100 per second. */
    private static final long MILLIS_PER_TICK = 10;

    private StackCpu() {
    }

    static Map<String, Long> snapshot(Path runDir) {
        Map<String, Long> out = new TreeMap<>();
        Path pids = runDir.resolve("pids");
        if (Files.isDirectory(pids)) {
            try (Stream<Path> files = Files.list(pids)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".pid")).toList()) {
                    try {
                        long ms = millis(Path.of("/proc", Files.readString(f).trim(), "stat"));
                        out.put(f.getFileName().toString().replace(".pid", ""), ms);
                    } catch (IOException | RuntimeException gone) {
                        // a process that is not running has no figure
                    }
                }
            } catch (IOException e) {
                // no run directory: no figures
            }
        }
        long postgres = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    if (stat.contains("(postgres)")) {
                        postgres += millis(stat);
                    }
                } catch (IOException | RuntimeException gone) {
                    // ended between the listing and the read
                }
            }
        } catch (IOException e) {
            // no /proc: no PostgreSQL figure
        }
        out.put("postgres", postgres);
        return out;
    }

    /** What each process used between two snapshots. */
    static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> used = new TreeMap<>();
        after.forEach((k, v) -> used.put(k, Math.max(0, v - before.getOrDefault(k, v))));
        return used;
    }

    private static long millis(Path stat) throws IOException {
        return millis(Files.readString(stat));
    }

    private static long millis(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime are fields 14 and 15 of the line, 11 and 12 after the command's closing parenthesis
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
    }
}
