package id.go.imigrasi.mpaspor.application.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One person of a collective batch and the application made for them (V130__collective_batch.sql). */
@Entity
@Table(name = "collective_member")
@IdClass(CollectiveMember.Key.class)
public class CollectiveMember {

    /**
     * CHECKING: Dukcapil has not answered yet (re-checked by the NIK re-check job); VERIFIED: waiting for the places;
     * REGISTERED: its application was submitted with its hold; REFUSED: see {@code reason}.
     */
    public enum State {
        CHECKING, VERIFIED, REGISTERED, REFUSED;

        public boolean decided() {
            return this == REGISTERED || this == REFUSED;
        }
    }

    /** Why a member was refused: Dukcapil's verdict, or quota-service's refusal of the batch. */
    public static final String NIK_NOT_REGISTERED = "NIK_NOT_REGISTERED";
    public static final String DUKCAPIL_MISMATCH = "DUKCAPIL_MISMATCH";

    @Id
    @Column(name = "batch_id")
    public UUID batchId;

    @Id
    public int position;

    @Column(name = "application_id", nullable = false, updatable = false)
    public UUID applicationId;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(nullable = false, columnDefinition = "bpchar(16)")
    public String nik;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    public String reason;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static class Key implements Serializable {
        public UUID batchId;
        public int position;

        public Key() {
        }

        public Key(UUID batchId, int position) {
            this.batchId = batchId;
            this.position = position;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(batchId, k.batchId) && position == k.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(batchId, position);
        }
    }
}
