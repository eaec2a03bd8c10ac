package id.go.imigrasi.mpaspor.testkit;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real parts a service test runs against: a Kafka broker, a fresh PostgreSQL database and the JWT
 * verification key. Init args: {@code database} (name prefix, or {@code none} for a service without one) and
 * {@code kafka} ({@code false} to leave Kafka out).
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static PostgresDatabase current;

    private String databasePrefix = "mpaspor";
    private boolean kafka = true;
    private PostgresDatabase database;

    @Override
    public void init(Map<String, String> initArgs) {
        databasePrefix = initArgs.getOrDefault("database", databasePrefix);
        kafka = Boolean.parseBoolean(initArgs.getOrDefault("kafka", "true"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("mp.jwt.verify.publickey.location", TestJwt.publicKeyLocation());
        // the names the services' configuration reads the key pair from (account-service signs with it)
        config.put("MPASPOR_JWT_PUBLIC_KEY", TestJwt.publicKeyLocation());
        config.put("MPASPOR_JWT_PRIVATE_KEY", TestJwt.privateKeyLocation());
        if (kafka) {
            config.put("kafka.bootstrap.servers", KafkaBroker.sharedBootstrapServers());
        }
        if (!"none".equals(databasePrefix)) {
            database = PostgresDatabase.create(databasePrefix);
            current = database;
            config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
            config.put("quarkus.datasource.reactive.url", database.reactiveUrl());
            config.put("quarkus.datasource.username", database.username());
            config.put("quarkus.datasource.password", database.password());
        }
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
            current = null;
        }
    }

    /** The database of the running test application, for assertions on committed rows. */
    public static PostgresDatabase database() {
        if (current == null) {
            throw new IllegalStateException("no test database is running");
        }
        return current;
    }
}
