package id.go.imigrasi.mpaspor.e2e;

import static id.go.imigrasi.mpaspor.e2e.Journey.step;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one system every end-to-end class drives ({@link JourneyIT}, then {@link WebsiteIT}): started by the first
 * class that needs it, stopped ({@code ./mpaspor down}) when the whole test run ends, so CI starts it once.
 */
final class SharedSystem implements BeforeAllCallback, AfterAllCallback {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /** The appointment date booked first, and the one it is rescheduled to (the office clock is set to that day). */
    static final LocalDate FIRST_DATE = workingDayFrom(LocalDate.now(WIB).plusDays(1));
    static final LocalDate RESCHEDULED_DATE = workingDayFrom(FIRST_DATE.plusDays(1));

    private static SystemUnderTest system;

    @Override
    public void beforeAll(ExtensionContext context) {
        start(context);
    }

    /** Every answer this class's requests got from the public API is one the contract declares. */
    @Override
    public void afterAll(ExtensionContext context) {
        DeclaredStatuses.LEDGER.check();
    }

    static synchronized SystemUnderTest system() {
        if (system == null) {
            throw new IllegalStateException("the system is not started (add @ExtendWith(SharedSystem.class))");
        }
        return system;
    }

    private static synchronized void start(ExtensionContext context) {
        if (system != null) {
            return;
        }
        Duration toAppointmentDay = Duration.between(Instant.now(), RESCHEDULED_DATE.atTime(9, 0).atZone(WIB))
                .withNanos(0);
        step("Starting the whole system (./mpaspor up, ports +" + SystemUnderTest.OFFSET + "); the office clock is set "
                + "to " + RESCHEDULED_DATE + " 09:00 WIB (" + toAppointmentDay + " ahead) so the officer can check in");
        SystemUnderTest started = new SystemUnderTest(Map.of(
                // an unpaid bill expires within the test's patience
                "MPASPOR_BILLING_PAYMENT_DEADLINE", "PT60S",
                "MPASPOR_BIOMETRIC_CLOCK_OFFSET", toAppointmentDay.toString(),
                // Pos Indonesia moves a parcel one status per second, the office polls every 2 s
                "POS_STUB_STEP", "PT1S",
                "MPASPOR_BIOMETRIC_JOBS_POS_POLL_EVERY", "2s",
                // an admitted place in a waiting room not claimed within a minute goes to the next (WaitingRoomPageIT)
                "MPASPOR_QUOTA_WAITING_ROOM_CLAIM_WINDOW", "PT60S",
                // every person of every class logs in from 127.0.0.1 (the browser's address reaches the gateway in
                // the website's X-Forwarded-For): the 10 logins per address per 5 minutes a real phone gets ran out
                // when the classes ran quickly one after another (WaitingRoomPageIT, WebsiteIT: 429). The limits
                // themselves are proven by the gateway's RateLimitTest.
                "MPASPOR_GATEWAY_RATE_LIMITS_LOGIN_CAPACITY", "200",
                "MPASPOR_GATEWAY_RATE_LIMITS_OTP_CAPACITY", "100",
                // and every class registers its people from there too (5 per 10 minutes for a real address)
                "MPASPOR_GATEWAY_RATE_LIMITS_REGISTRATION_CAPACITY", "100"));
        // stopped when the root context closes: after the last class of the run
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SharedSystem.class.getName(),
                (ExtensionContext.Store.CloseableResource) () -> {
                    step("Stopping the system (./mpaspor down)");
                    started.close();
                });
        started.start();
        system = started;
        io.restassured.RestAssured.filters(DeclaredStatuses.LEDGER);
    }

    static LocalDate workingDayFrom(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }
}
