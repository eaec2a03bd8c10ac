package id.go.imigrasi.mpaspor.biometric;

import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.FINGERS;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.allFingers;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.checkIn;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.count;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.data;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.decide;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.exception;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.face;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.finger;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.interview;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.kafka;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.officer;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.outboxEvents;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.post;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.scheduleOne;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.status;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.subjectOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.Booked;
import id.go.imigrasi.mpaspor.biometric.support.PosStubResource;
import id.go.imigrasi.mpaspor.biometric.support.TestClock;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Interview and biometric capture: below the thresholds (face 70, NFIQ 2 40 in the defaults) a capture is retried;
 * after 3 failed attempts on a finger only an exception with a reason moves on; the capture is complete when the
 * photo passed and every finger passed or has an exception, and only then can the applicant be approved.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "biometric"))
@WithTestResource(value = PosStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CaptureTest {

    private static final LocalDate DAY = LocalDate.of(2027, 5, 4);
    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private Booked interviewed(String token) {
        Booked b = scheduleOne(DAY, "ELECTRONIC");
        clock.setOfficeTime(DAY, LocalTime.of(10, 0));
        checkIn(token, b.bookingCode(), b.nik()).statusCode(200);
        interview(token, b.id(), "VERIFIED", null).statusCode(200).body("status", equalTo("INTERVIEWED"))
                .body("interview.outcome", equalTo("VERIFIED"));
        return b;
    }

    @Test
    void captureBeforeTheInterviewIsTheWrongStep() {
        String officer = officer();
        Booked b = scheduleOne(DAY, "ORDINARY");
        clock.setOfficeTime(DAY, LocalTime.of(10, 0));
        checkIn(officer, b.bookingCode(), b.nik()).statusCode(200);
        face(officer, b.id(), 90, true).statusCode(409).body("type", equalTo(PROBLEMS + "wrong-step"));
    }

    @Test
    void interviewRejectionNeedsAReasonAndPublishesApplicationRejected() {
        String officer = officer();
        Booked b = scheduleOne(DAY, "ORDINARY");
        clock.setOfficeTime(DAY, LocalTime.of(10, 0));
        checkIn(officer, b.bookingCode(), b.nik()).statusCode(200);
        interview(officer, b.id(), "REJECTED", " ").statusCode(400).body("errors[0].field", equalTo("reason"));
        assertThat(status(b.id())).isEqualTo("CHECKED_IN");

        interview(officer, b.id(), "REJECTED", "birth certificate does not match the e-KTP").statusCode(200)
                .body("status", equalTo("REJECTED"));
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "biometric.events")) {
            var rejected = data(probe.await(r -> b.applicationId().equals(r.key())
                    && r.value().getType().equals("mpaspor.biometric.ApplicationRejected.v1"), Duration.ofSeconds(30)));
            assertThat(rejected.get("applicantId").asText()).isEqualTo(b.applicantId());
            assertThat(rejected.get("reason").asText()).isEqualTo("birth certificate does not match the e-KTP");
        }
        assertThat(outboxEvents(b.applicationId(), "InterviewCompleted")).isEqualTo(1);
    }

    @Test
    void faceBelowThresholdOrNotIcaoCompliantIsRetriedUntilItPasses() {
        String officer = officer();
        Booked b = interviewed(officer);
        face(officer, b.id(), 55, true).statusCode(200).body("capture.face.passed", equalTo(false))
                .body("capture.face.attempts", equalTo(1));
        face(officer, b.id(), 92, false).statusCode(200).body("capture.face.passed", equalTo(false));
        face(officer, b.id(), 88, true).statusCode(200).body("capture.face.passed", equalTo(true))
                .body("capture.face.attempts", equalTo(3)).body("capture.face.score", equalTo(88));
        face(officer, b.id(), 95, true).statusCode(409);
    }

    @Test
    void afterThreeFailedAttemptsAFingerNeedsAnExceptionWithAReason() {
        String officer = officer();
        Booked b = interviewed(officer);
        finger(officer, b.id(), "LEFT_INDEX", 12).statusCode(200)
                .body("capture.fingers.find { it.finger == 'LEFT_INDEX' }.state", equalTo("RETRY"));
        // an exception before the attempts are used up is refused (the finger is there: try again)
        exception(officer, b.id(), "LEFT_INDEX", "UNREADABLE", "dry skin").statusCode(409)
                .body("type", equalTo(PROBLEMS + "finger-exception-too-early"));
        finger(officer, b.id(), "LEFT_INDEX", 20).statusCode(200);
        finger(officer, b.id(), "LEFT_INDEX", 31).statusCode(200)
                .body("capture.fingers.find { it.finger == 'LEFT_INDEX' }.state", equalTo("EXCEPTION_REQUIRED"))
                .body("capture.fingers.find { it.finger == 'LEFT_INDEX' }.attempts", equalTo(3));
        // a fourth attempt is refused, and refuses the whole post: the other finger is not recorded either
        post(officer, "/office/appointments/" + b.id() + "/capture/fingers", Map.of("results", List.of(
                Map.of("finger", "RIGHT_THUMB", "nfiq2", 80), Map.of("finger", "LEFT_INDEX", "nfiq2", 90))))
                .statusCode(409).body("type", equalTo(PROBLEMS + "finger-exception-required"));
        assertThat(count("SELECT count(*) FROM finger_capture WHERE appointment_id = ?::uuid AND finger = 'RIGHT_THUMB'",
                b.id())).isZero();

        exception(officer, b.id(), "LEFT_INDEX", "UNREADABLE", " ").statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        exception(officer, b.id(), "LEFT_INDEX", "BROKEN", "x").statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        exception(officer, b.id(), "LEFT_INDEX", "UNREADABLE", "worn fingertip, 3 tries").statusCode(200)
                .body("capture.fingers.find { it.finger == 'LEFT_INDEX' }.state", equalTo("EXCEPTION"))
                .body("capture.fingers.find { it.finger == 'LEFT_INDEX' }.exception", equalTo("UNREADABLE"))
                .body("capture.complete", equalTo(false));
        exception(officer, b.id(), "LEFT_INDEX", "INJURED", "again").statusCode(409)
                .body("type", equalTo(PROBLEMS + "finger-already-done"));
    }

    @Test
    void captureIsCompleteOnlyWhenThePhotoPassedAndEveryFingerPassedOrHasAnException() {
        String officer = officer();
        Booked b = interviewed(officer);
        // an amputated finger needs no attempts
        exception(officer, b.id(), "RIGHT_LITTLE", "AMPUTATED", "missing since 2015").statusCode(200);
        List<Map<String, Object>> nine = new ArrayList<>();
        for (String f : FINGERS) {
            if (!f.equals("RIGHT_LITTLE") && !f.equals("LEFT_RING")) {
                nine.add(Map.of("finger", f, "nfiq2", 65));
            }
        }
        post(officer, "/office/appointments/" + b.id() + "/capture/fingers", Map.of("results", nine)).statusCode(200)
                .body("capture.complete", equalTo(false));
        // approval before the capture is complete is refused
        decide(officer, b.id(), "APPROVE", null).statusCode(409).body("type", equalTo(PROBLEMS + "capture-incomplete"));

        finger(officer, b.id(), "LEFT_RING", 39).statusCode(200).body("capture.complete", equalTo(false));
        finger(officer, b.id(), "LEFT_RING", 40).statusCode(200).body("capture.complete", equalTo(false))
                .body("status", equalTo("INTERVIEWED"));
        // every finger done, but the photo has not passed yet
        face(officer, b.id(), 69, true).statusCode(200).body("capture.complete", equalTo(false));
        assertThat(outboxEvents(b.applicationId(), "BiometricsCaptured")).isZero();
        face(officer, b.id(), 70, true).statusCode(200).body("capture.complete", equalTo(true))
                .body("status", equalTo("CAPTURED"));

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "biometric.events")) {
            var captured = data(probe.await(r -> b.applicationId().equals(r.key())
                    && r.value().getType().equals("mpaspor.biometric.BiometricsCaptured.v1"), Duration.ofSeconds(30)));
            assertThat(captured.get("faceScore").asInt()).isEqualTo(70);
            assertThat(captured.get("fingersCaptured").asInt()).isEqualTo(9);
            assertThat(captured.get("fingerExceptions").get(0).asText()).isEqualTo("RIGHT_LITTLE:AMPUTATED");
            assertThat(captured.get("officerId").asText()).isEqualTo(subjectOf(officer));
        }
        // nothing more to capture
        allFingers(officer, b.id(), 90).statusCode(409).body("type", equalTo(PROBLEMS + "wrong-step"));
        assertThat(outboxEvents(b.applicationId(), "BiometricsCaptured")).isEqualTo(1);
    }

    @Test
    void badCaptureInputIsAFieldError() {
        String officer = officer();
        Booked b = interviewed(officer);
        face(officer, b.id(), 101, true).statusCode(400).body("errors[0].field", equalTo("score"));
        finger(officer, b.id(), "SIXTH_FINGER", 50).statusCode(400).body("errors[0].field", equalTo("results[0].finger"));
        finger(officer, b.id(), "LEFT_THUMB", -1).statusCode(400);
        exception(officer, b.id(), "TOE", "INJURED", "x").statusCode(400).body("errors[0].field", equalTo("finger"));
        assertThat(count("SELECT count(*) FROM finger_capture WHERE appointment_id = ?::uuid", b.id())).isZero();
        assertThat(status(b.id())).isEqualTo("INTERVIEWED");
    }
}
