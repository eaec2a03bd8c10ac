package id.go.imigrasi.mpaspor.billing.domain;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A line item of a bill: an applicant's passport fee or same-day surcharge. */
@Entity
@Table(name = "bill_line")
@IdClass(BillLine.Key.class)
public class BillLine {

    @Id
    @Column(name = "bill_id")
    public UUID billId;

    @Id
    @Column(name = "line_no")
    public int lineNo;

    @Column(name = "applicant_id")
    public String applicantId;

    @Column(name = "applicant_name", nullable = false)
    public String applicantName;

    @Column(nullable = false)
    public String item;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public long amount;

    public static class Key implements Serializable {
        public UUID billId;
        public int lineNo;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(billId, k.billId) && lineNo == k.lineNo;
        }

        @Override
        public int hashCode() {
            return Objects.hash(billId, lineNo);
        }
    }
}
