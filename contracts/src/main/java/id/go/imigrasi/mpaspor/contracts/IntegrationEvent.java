package id.go.imigrasi.mpaspor.contracts;

/**
 * A fact one service publishes for others. Implementations are records annotated with {@link EventType}.
 * The aggregate id becomes the Kafka key and the CloudEvents {@code subject}, so every event of one
 * aggregate lands on the same partition, in order.
 */
public interface IntegrationEvent {

    String aggregateId();
}
