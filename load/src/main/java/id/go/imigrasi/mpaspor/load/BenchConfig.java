package id.go.imigrasi.mpaspor.load;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The run's settings, written by {@code load/bench.sh} into a properties file whose path is in the environment
 * variable {@code LOAD_CONFIG} (environment, not system properties: Gatling runs in a JVM forked by Maven).
 * System properties override the file, for a run from an IDE.
 */
public final class BenchConfig {

    private final Properties values;

    BenchConfig(Properties values) {
        this.values = values;
    }

    public static BenchConfig load() {
        Properties p = new Properties();
        String file = System.getenv("LOAD_CONFIG");
        if (file != null && !file.isBlank()) {
            try (Reader in = Files.newBufferedReader(Path.of(file))) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read LOAD_CONFIG " + file, e);
            }
        }
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("load."))
                .forEach(k -> p.setProperty(k.substring("load.".length()), System.getProperty(k)));
        return new BenchConfig(p);
    }

    public String string(String key, String fallback) {
        return values.getProperty(key, fallback).trim();
    }

    public int integer(String key, int fallback) {
        return Integer.parseInt(string(key, Integer.toString(fallback)));
    }

    public double decimal(String key, double fallback) {
        return Double.parseDouble(string(key, Double.toString(fallback)));
    }

    public List<String> list(String key, String fallback) {
        return List.of(string(key, fallback).split("\\s*,\\s*"));
    }

    /** Where the per-request figures go (load/target/requests by default). */
    public Path resultsDir() {
        return Path.of(string("results.dir", "target/requests"));
    }
}
