package id.go.imigrasi.mpaspor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.ops.console.ConsoleEvent;
import id.go.imigrasi.mpaspor.ops.console.Dashboard;
import id.go.imigrasi.mpaspor.ops.console.Dashboard.OfficeRow;

/** The console's figures, folded from events exactly as they come off the topics (CloudEvents binary mode). */
class DashboardTest {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    /** 10:30 in Jakarta on 2026-12-04. */
    private static final Instant NOW = Instant.parse("2026-12-04T03:30:00Z");
    private final TopicRecords records = new TopicRecords();

    @Test
    void placesPerOfficeTodayAndInTheLatestReleaseCountHeldBookedAndRemaining() {
        Dashboard d = new Dashboard(JAKARTA);
        d.apply(event("quota.events", "QuotaReleased", "JKTSEL", NOW.minusSeconds(3600),
                "{\"releaseId\":\"r1\",\"officeCode\":\"JKTSEL\",\"fromDate\":\"2026-12-04\",\"toDate\":\"2026-12-10\","
                        + "\"slots\":100,\"releasedAt\":\"2026-12-04T02:30:00Z\"}"));
        d.apply(held("h1", "JKTSEL", "2026-12-04", 3, NOW.minusSeconds(30)));
        d.apply(held("h2", "JKTSEL", "2026-12-05", 1, NOW.minusSeconds(20)));
        d.apply(held("h3", "JKTSEL", "2026-12-04", 2, NOW.minusSeconds(10)));
        d.apply(event("quota.events", "HoldConfirmed", "h1", NOW.minusSeconds(5),
                "{\"holdId\":\"h1\",\"officeCode\":\"JKTSEL\",\"date\":\"2026-12-04\",\"niks\":[\"1\",\"2\",\"3\"]}"));
        d.apply(event("quota.events", "HoldReleased", "h3", NOW.minusSeconds(4),
                "{\"holdId\":\"h3\",\"reason\":\"HOLD_TIMEOUT\",\"releasedAt\":\"2026-12-04T03:29:56Z\"}"));

        OfficeRow row = d.view(NOW).offices().get(0);
        assertThat(row.office()).isEqualTo("JKTSEL");
        assertThat(row.bookedToday()).isEqualTo(3);
        assertThat(row.heldToday()).isZero(); // h3 expired
        assertThat(row.released()).isEqualTo(100);
        assertThat(row.releaseBooked()).isEqualTo(3);
        assertThat(row.releaseHeld()).isEqualTo(1);
        assertThat(row.remaining()).isEqualTo(96);
        assertThat(d.view(NOW).holdExpiriesToday()).isEqualTo(1);
        assertThat(row.expiriesToday()).as("h3's expiry counted at its office").isEqualTo(1);
        assertThat(row.holdsPerMinute()).isEqualTo(3);
        assertThat(d.view(NOW).holdsPerMinute()).isEqualTo(3);
        assertThat(d.view(NOW.plusSeconds(60)).holdsPerMinute()).isZero();
    }

    @Test
    void holdsPerMinuteAndExpiriesAreCountedPerOffice() {
        Dashboard d = new Dashboard(JAKARTA);
        d.apply(held("a1", "JKTSEL", "2026-12-04", 1, NOW.minusSeconds(30)));
        d.apply(held("a2", "JKTSEL", "2026-12-04", 1, NOW.minusSeconds(20)));
        d.apply(held("b1", "SBY", "2026-12-05", 2, NOW.minusSeconds(10)));
        d.apply(held("b2", "SBY", "2026-12-05", 1, NOW.minusSeconds(300))); // five minutes ago
        d.apply(event("quota.events", "HoldReleased", "b2", NOW.minusSeconds(5),
                "{\"holdId\":\"b2\",\"reason\":\"BILLING_EXPIRED\",\"releasedAt\":\"2026-12-04T03:29:55Z\"}"));
        d.apply(event("quota.events", "HoldReleased", "a2", NOW.minusSeconds(4),
                "{\"holdId\":\"a2\",\"reason\":\"APPLICANT_CANCELLED\",\"releasedAt\":\"2026-12-04T03:29:56Z\"}"));
        java.util.Map<String, OfficeRow> rows = new java.util.HashMap<>();
        d.view(NOW).offices().forEach(r -> rows.put(r.office(), r));
        assertThat(rows.get("JKTSEL").holdsPerMinute()).isEqualTo(2);
        assertThat(rows.get("SBY").holdsPerMinute()).isEqualTo(1);
        assertThat(rows.get("SBY").expiriesToday()).isEqualTo(1);
        assertThat(rows.get("JKTSEL").expiriesToday()).as("a cancellation is no expiry").isZero();
        assertThat(d.view(NOW).holdsPerMinute()).isEqualTo(3);
    }

    @Test
    void anEventSeenTwiceCountsOnce() {
        Dashboard d = new Dashboard(JAKARTA);
        String id = UUID.randomUUID().toString();
        ConsoleEvent submitted = event("application.events", "ApplicationSubmitted", "app-1", NOW, id,
                "{\"applicationId\":\"app-1\",\"officeCode\":\"SBY\",\"submittedAt\":\"2026-12-04T03:30:00Z\"}");
        assertThat(d.apply(submitted)).isTrue();
        // the relay published it again, or a dead letter was re-driven: same CloudEvents id
        assertThat(d.apply(submitted)).isFalse();
        assertThat(d.view(NOW).offices()).singleElement()
                .satisfies(r -> assertThat(r.submittedToday()).isEqualTo(1));
        assertThat(d.view(NOW).recent()).hasSize(1);
    }

    @Test
    void paymentsPerChannelPerHourBillsExpiredAndNoShowsToday() {
        Dashboard d = new Dashboard(JAKARTA);
        d.apply(paid("bca", "2026-12-04T03:10:00Z"));
        d.apply(paid("bca", "2026-12-04T03:20:00Z"));
        d.apply(paid("pos", "2026-12-04T01:59:00Z"));
        d.apply(event("billing.events", "BillingExpired", "app-9", NOW,
                "{\"applicationId\":\"app-9\",\"expiredAt\":\"2026-12-04T03:00:00Z\"}"));
        // expired yesterday in Jakarta (23:00 local on the 3rd): not today
        d.apply(event("billing.events", "BillingExpired", "app-8", NOW,
                "{\"applicationId\":\"app-8\",\"expiredAt\":\"2026-12-03T16:00:00Z\"}"));
        d.apply(event("biometric.events", "NoShow", "app-7", NOW,
                "{\"applicationId\":\"app-7\",\"officeCode\":\"JKTSEL\",\"date\":\"2026-12-04\",\"session\":\"AM\"}"));

        Dashboard.View view = d.view(NOW);
        assertThat(view.hours()).hasSize(6).last().isEqualTo("10:00");
        assertThat(view.payments()).extracting(Dashboard.ChannelRow::channel).containsExactly("bca", "pos");
        assertThat(view.payments().get(0).perHour()).containsExactly(0, 0, 0, 0, 0, 2);
        assertThat(view.payments().get(1).perHour()).containsExactly(0, 0, 0, 1, 0, 0);
        assertThat(view.billsExpiredToday()).isEqualTo(1);
        assertThat(view.noShowsToday()).isEqualTo(1);
    }

    @Test
    void latePaymentsAreCountedOnceWithTheirSumAsAwaitingRefund() {
        Dashboard d = new Dashboard(JAKARTA);
        String id = UUID.randomUUID().toString();
        ConsoleEvent late = event("billing.events", "LatePaymentReceived", "app-5", NOW, id,
                "{\"applicationId\":\"app-5\",\"billingCode\":\"820261204000051\",\"amount\":950000,"
                        + "\"channel\":\"bni\",\"channelReference\":\"R-5\",\"paidAt\":\"2026-12-04T03:20:00Z\"}");
        d.apply(late);
        d.apply(late); // read again after a rebalance
        d.apply(event("billing.events", "LatePaymentReceived", "app-6", NOW,
                "{\"applicationId\":\"app-6\",\"amount\":1950000,\"channel\":\"pos\"}"));
        Dashboard.View view = d.view(NOW);
        assertThat(view.latePaymentsAwaitingRefund()).isEqualTo(2);
        assertThat(view.latePaymentAmount()).isEqualTo(2_900_000);
        assertThat(view.latePaymentAmountText()).isEqualTo("IDR 2,900,000");
        assertThat(view.payments()).as("a late payment is not a payment of a live bill").isEmpty();
    }

    @Test
    void anUnreadableEventIsListedButChangesNoFigure() {
        Dashboard d = new Dashboard(JAKARTA);
        d.apply(event("quota.events", "SlotHeld", "h9", NOW, "{not json"));
        assertThat(d.view(NOW).offices()).isEmpty();
        assertThat(d.view(NOW).recent()).singleElement().satisfies(e -> assertThat(e.payload()).isEqualTo("{not json"));
    }

    private ConsoleEvent held(String hold, String office, String date, int places, Instant at) {
        StringBuilder niks = new StringBuilder();
        for (int i = 0; i < places; i++) {
            niks.append(i == 0 ? "" : ",").append('"').append(3171000000000000L + i).append('"');
        }
        return event("quota.events", "SlotHeld", hold, at, "{\"holdId\":\"" + hold + "\",\"officeCode\":\"" + office
                + "\",\"date\":\"" + date + "\",\"session\":\"AM\",\"niks\":[" + niks + "]}");
    }

    private ConsoleEvent paid(String channel, String at) {
        return event("billing.events", "BillingPaid", UUID.randomUUID().toString(), Instant.parse(at),
                "{\"channel\":\"" + channel + "\",\"paidAt\":\"" + at + "\"}");
    }

    private ConsoleEvent event(String topic, String name, String key, Instant time, String json) {
        return event(topic, name, key, time, UUID.randomUUID().toString(), json);
    }

    private ConsoleEvent event(String topic, String name, String key, Instant time, String id, String json) {
        return records.event(topic, name, key, time, id, null, json);
    }
}
