package id.go.imigrasi.mpaspor.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the transactional outbox (see {@code db/platform/V0_1__platform_outbox.sql}). */
@Entity
@Table(name = "outbox")
public class OutboxMessage {

    @Id
    public UUID id;

    /** Assigned by the database on insert; orders publication. */
    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String topic;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** W3C traceparent of the work that appended the event (V0_5); the relay sends it as {@code ce_traceparent}. */
    @Column(name = "traceparent")
    public String traceparent;
}
