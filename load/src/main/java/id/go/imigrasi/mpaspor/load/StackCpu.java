package id.go.imigrasi.mpaspor.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU-ms (user + system) each process of the running stack has used so far: every component by its pid file in the
 * run directory ({@code .run/pids}), and PostgreSQL as the sum of its processes. Each PostgreSQL process is also kept
 * apart ({@code postgres:PID}), so that {@link #between} counts what the processes alive at the end used since the
 * start (a backend started in between counts whole) and a backend that ended in between does not take its earlier
 * CPU off the sum. Read from {@code /proc}; the load generator is not in it.
 * <p>
 * Each JVM's JIT compiler threads ({@code C1 CompilerThre…}, {@code C2 CompilerThre…}) are also kept apart
 * ({@code jit:NAME}), part of that process's figure: {@link #compiling} says how much of a window went to compiling
 * code rather than running it. On a stack started minutes ago that is a large share, which shrinks as the JVMs warm
 * up, so a cost is reported with and without it.
 */
final class StackCpu {

    /** Linux reports /proc times in USER_HZ, 100 per second. */
    private static final long MILLIS_PER_TICK = 10;
    private static final String POSTGRES_PROCESS = "postgres:";
    private static final String JIT = "jit:";
    /**
     * The stand-ins for the systems we do not own ({@code ./mpaspor up} starts them beside the stack: the mail server
     * and the simulators module's stubs). Their CPU is the other party's in production, so a cost per operation is
     * reported without them, and what they used on a line of its own.
     */
    static final Set<String> EXTERNAL = Set.of("mail", "dukcapil", "pos", "sms", "refund-desk");

    private StackCpu() {
    }

    static Map<String, Long> snapshot(Path runDir) {
        Map<String, Long> out = new TreeMap<>();
        Path pids = runDir.resolve("pids");
        if (Files.isDirectory(pids)) {
            try (Stream<Path> files = Files.list(pids)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".pid")).toList()) {
                    try {
                        Path proc = Path.of("/proc", Files.readString(f).trim());
                        String name = f.getFileName().toString().replace(".pid", "");
                        out.put(name, millis(proc.resolve("stat")));
                        long jit = compilerThreads(proc);
                        if (jit > 0) {
                            out.put(JIT + name, jit);
                        }
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
                        long ms = millis(stat);
                        postgres += ms;
                        out.put(POSTGRES_PROCESS + p.getFileName(), ms);
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

    /** What each process used between two snapshots; PostgreSQL as the sum over its processes alive at the end. */
    static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> used = new TreeMap<>();
        long postgres = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            if (e.getKey().startsWith(JIT)) {
                continue;
            }
            if (e.getKey().startsWith(POSTGRES_PROCESS)) {
                postgres += Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L));
            } else if (!e.getKey().equals("postgres")) {
                used.put(e.getKey(), Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), e.getValue())));
            }
        }
        if (after.containsKey("postgres")) {
            used.put("postgres", postgres);
        }
        return used;
    }

    /** Whether a process is a stand-in for an external system rather than part of the stack. */
    static boolean external(String process) {
        return EXTERNAL.contains(process);
    }

    /** The processes of a figure that are the stack's, without the stand-ins for external systems. */
    static Map<String, Long> stack(Map<String, Long> used) {
        Map<String, Long> out = new TreeMap<>();
        used.forEach((k, v) -> {
            if (!external(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Of what {@link #between} says each process used, how much its JIT compiler threads used. */
    static Map<String, Long> compiling(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> used = new TreeMap<>();
        after.forEach((k, v) -> {
            if (k.startsWith(JIT)) {
                used.put(k.substring(JIT.length()), Math.max(0, v - before.getOrDefault(k, v)));
            }
        });
        return used;
    }

    /** CPU-ms of a JVM's compiler threads (none for a process that is not a HotSpot JVM). */
    private static long compilerThreads(Path proc) {
        long ms = 0;
        try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                        ms += millis(stat);
                    }
                } catch (IOException | RuntimeException gone) {
                    // a thread that ended between the listing and the read
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended
        }
        return ms;
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
