/**
 * Event contracts of the M-Paspor services. One package per producing service; its topic is
 * {@code <service>.events}; every event is a CloudEvents 1.0 envelope (binary mode on Kafka: {@code ce_*}
 * headers, the record value is this package's record as JSON, the key is {@link
 * id.go.imigrasi.mpaspor.contracts.IntegrationEvent#aggregateId()}).
 */
package id.go.imigrasi.mpaspor.contracts;
