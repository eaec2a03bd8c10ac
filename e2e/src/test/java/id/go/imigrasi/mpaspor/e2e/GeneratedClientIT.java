package id.go.imigrasi.mpaspor.e2e;

import static id.go.imigrasi.mpaspor.e2e.Journey.say;
import static id.go.imigrasi.mpaspor.e2e.Journey.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.DeserializationFeature;

import id.go.imigrasi.mpaspor.client.ApiClient;
import id.go.imigrasi.mpaspor.client.ApiException;
import id.go.imigrasi.mpaspor.client.JSON;
import id.go.imigrasi.mpaspor.client.api.AccountsApi;
import id.go.imigrasi.mpaspor.client.api.ApplicationsApi;
import id.go.imigrasi.mpaspor.client.api.AuthApi;
import id.go.imigrasi.mpaspor.client.api.BillsApi;
import id.go.imigrasi.mpaspor.client.api.HoldsApi;
import id.go.imigrasi.mpaspor.client.api.OfficesApi;
import id.go.imigrasi.mpaspor.client.api.UploadsApi;
import id.go.imigrasi.mpaspor.client.model.AccountCreated;
import id.go.imigrasi.mpaspor.client.model.ApplicantAdded;
import id.go.imigrasi.mpaspor.client.model.ApplicantRequest;
import id.go.imigrasi.mpaspor.client.model.ApplicantRequirements;
import id.go.imigrasi.mpaspor.client.model.ApplicationCreated;
import id.go.imigrasi.mpaspor.client.model.BillView;
import id.go.imigrasi.mpaspor.client.model.Calendar;
import id.go.imigrasi.mpaspor.client.model.CalendarDay;
import id.go.imigrasi.mpaspor.client.model.CalendarSession;
import id.go.imigrasi.mpaspor.client.model.HoldRequest;
import id.go.imigrasi.mpaspor.client.model.HoldView;
import id.go.imigrasi.mpaspor.client.model.LoginRequest;
import id.go.imigrasi.mpaspor.client.model.Problem;
import id.go.imigrasi.mpaspor.client.model.QuestionnaireRequest;
import id.go.imigrasi.mpaspor.client.model.RegisterRequest;
import id.go.imigrasi.mpaspor.client.model.RequirementLine;
import id.go.imigrasi.mpaspor.client.model.RequirementsView;
import id.go.imigrasi.mpaspor.client.model.ServiceLine;
import id.go.imigrasi.mpaspor.client.model.SlotStatus;
import id.go.imigrasi.mpaspor.client.model.SubmissionRequest;
import id.go.imigrasi.mpaspor.client.model.Tokens;
import id.go.imigrasi.mpaspor.client.model.VerificationRequest;
import id.go.imigrasi.mpaspor.upload.client.TusUploader;

/**
 * A slice of the journey driven only through the Java client that openapi-generator makes from the committed
 * contract ({@code api-client}, generated with validation on), as an integrator would: register, the OTP, login,
 * an application, an applicant refused for a typo (the parsed Problem names the field), the documents uploaded
 * with the generated tus operations, a hold, the submission, the bill and its PDF.
 * <p>
 * The client is stricter than integrators' defaults: a response field the contract does not declare fails the
 * test (Jackson's FAIL_ON_UNKNOWN_PROPERTIES), and every status it receives is held against the contract
 * ({@link DeclaredStatuses}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({ SharedSystem.class, StopAtFirstFailure.class })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedClientIT {

    private static final String OFFICE = "JKTSEL";
    private static final Duration EVENTUALLY = Duration.ofSeconds(90);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    // a NIK agrees with the birth date and sex (DDMMYY, women +40 on the day); fresh for every run
    private final String nik = "357801" + "450690" + String.format("%04d", 1000 + new Random().nextInt(9000));
    private final String email = "dewi.client." + run + "@example.id";
    private final String password = "Rawon-Setan-2026";

    private SystemUnderTest system;
    private Mailbox mailbox;
    private Documents documents;
    private ApiClient client;
    private volatile String accessToken;
    private String applicationId;
    private String applicantId;
    private String holdId;
    private String billingCode;

    @BeforeAll
    void theGeneratedClient() {
        system = SharedSystem.system();
        mailbox = new Mailbox(SystemUnderTest.port(3143));
        documents = new Documents(Path.of("target", "generated-client-documents"));
        Journey.registerAtDukcapil(nik, "Dewi Lestari", "1990-06-05", "Surabaya", "FEMALE");
        client = new ApiClient();
        client.updateBaseUri(system.gateway());
        client.setReadTimeout(Duration.ofSeconds(30));
        client.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        client.setResponseInterceptor(r -> DeclaredStatuses.LEDGER.record(r.request().method(), r.uri(),
                r.statusCode()));
        // the generated APIs copy the interceptor when they are made: one that reads the token at each request
        client.setRequestInterceptor(r -> {
            r.header("Accept-Language", "en");
            if (accessToken != null) {
                r.header("Authorization", "Bearer " + accessToken);
            }
        });
    }

    @Test
    @Order(1)
    void registerReadTheOtpVerifyAndLogIn() throws Exception {
        step("Client 1: register, the OTP from the mailbox, verification and login with the generated client");
        AccountsApi accounts = new AccountsApi(client);
        // the privacy notice in force: a registration records its acceptance (UU PDP, issue 23)
        String notice = accounts.getPrivacyNotice().getVersion();
        ApiException weak = catchThrowableOfType(ApiException.class, () -> accounts.registerAccount(
                new RegisterRequest().name("Dewi Lestari").email(email).phone("081234567890").password("pendek")
                        .privacyNoticeVersion(notice)));
        Problem problem = problem(weak);
        assertThat(weak.getCode()).isEqualTo(400);
        assertThat(problem.getErrors()).anySatisfy(e -> assertThat(e.getField()).isEqualTo("password"));
        say("  a short password is refused: " + problem.getErrors());

        AccountCreated created = accounts.registerAccount(new RegisterRequest().name("Dewi Lestari").email(email)
                .phone("081234567890").password(password).privacyNoticeVersion(notice));
        assertThat(created.getId()).isNotNull();
        assertThat(created.getStatus()).isEqualTo(AccountCreated.StatusEnum.PENDING_VERIFICATION);
        String otp = mailbox.otp(email, "M-Paspor", 1);
        assertThat(accounts.verifyEmail(new VerificationRequest().email(email).otp(otp)).getStatus())
                .isEqualTo("ACTIVE");
        Tokens tokens = new AuthApi(client).login(new LoginRequest().email(email).password(password));
        assertThat(tokens.getAccessToken()).isNotBlank();
        assertThat(tokens.getExpiresIn()).isPositive();
        accessToken = tokens.getAccessToken();
        assertThat(accounts.getMyAccount().getEmail()).isEqualTo(email);
        say("  account " + created.getId() + " is ACTIVE; the typed Tokens carry the access token");
    }

    @Test
    @Order(2)
    void anApplicationAnApplicantRefusedForATypoThenAdded() throws Exception {
        step("Client 2: an application, an applicant refused for a typo (parsed Problem), then added");
        ApplicationsApi applications = new ApplicationsApi(client);
        var created = applications.createApplicationWithHttpInfo();
        assertThat(created.getStatusCode()).isEqualTo(201);
        ApplicationCreated application = created.getData();
        applicationId = application.getId().toString();
        assertThat(created.getHeaders().get("location")).as("Location").anySatisfy(
                l -> assertThat(l).endsWith("/api/v1/applications/" + applicationId));
        assertThat(application.getStatus()).isEqualTo("DRAFT");

        ApiException typo = catchThrowableOfType(ApiException.class, () -> applications.addApplicant(applicationId,
                dewi().birthDate(LocalDate.of(1990, 6, 6))));
        Problem problem = problem(typo);
        assertThat(typo.getCode()).isEqualTo(400);
        assertThat(problem.getType().toString()).endsWith("/validation");
        assertThat(problem.getErrors()).anySatisfy(e -> assertThat(e.getField()).contains("birthDate"));
        say("  a birth date that disagrees with Dukcapil is refused: " + problem.getErrors());

        ApplicantAdded added = applications.addApplicant(applicationId, dewi());
        applicantId = added.getId().toString();
        say("  application " + applicationId + ", applicant " + applicantId);
    }

    @Test
    @Order(3)
    void theDocumentsGoUpWithTheGeneratedTusOperations() throws Exception {
        step("Client 3: every required document: createUpload, its offset (HEAD), the bytes, the stored digest");
        ApplicationsApi applications = new ApplicationsApi(client);
        UploadsApi uploads = new UploadsApi(client);
        TusUploader tus = TusUploader.builder().endpoint(URI.create(system.gateway() + "/api/v1/uploads"))
                .bearerToken(accessToken).deadline(Duration.ofMinutes(2)).build();
        RequirementsView requirements = applications.getRequirements(applicationId);
        assertThat(requirements.getReadyToSubmit()).isFalse();
        for (ApplicantRequirements applicant : requirements.getApplicants()) {
            for (RequirementLine line : applicant.getDocuments()) {
                if (!Boolean.TRUE.equals(line.getRequired())) {
                    continue;
                }
                String type = line.getAcceptedDocuments().get(0);
                Path scan = documents.scan(applicant.getFullName(), type);
                long size = Files.size(scan);
                String metadata = String.join(",", meta("applicationId", applicationId),
                        meta("applicantId", applicant.getApplicantId().toString()), meta("documentType", type),
                        meta("filename", scan.getFileName().toString()));
                var creation = uploads.createUploadWithHttpInfo("1.0.0", size, metadata, null);
                assertThat(creation.getStatusCode()).isEqualTo(201);
                String location = creation.getHeaders().get("location").get(0);
                String id = location.substring(location.lastIndexOf('/') + 1);
                assertThat(uploads.getUploadOffsetWithHttpInfo(id, "1.0.0").getHeaders().get("upload-offset"))
                        .containsExactly("0");
                // the bytes with a tus client, as integrators send them: openapi-generator's Java native client
                // serialises a binary request body as JSON (OpenAPITools/openapi-generator#17801), a 460 here
                tus.resume(URI.create(location), scan);
                var head = uploads.getUploadOffsetWithHttpInfo(id, "1.0.0");
                assertThat(head.getHeaders().get("upload-offset")).containsExactly(Long.toString(size));
                assertThat(head.getHeaders().get("upload-sha256")).as("the digest of what was stored")
                        .containsExactly(java.util.HexFormat.of().formatHex(java.security.MessageDigest
                                .getInstance("SHA-256").digest(Files.readAllBytes(scan))));
                say("  " + type + " for " + applicant.getFullName() + ": " + size + " bytes at " + URI.create(location)
                        .getPath());
            }
        }
        Awaitility.await("every document accepted").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                .until(() -> applications.getRequirements(applicationId).getReadyToSubmit());
        say("  every required document is ACCEPTED: readyToSubmit");
    }

    @Test
    @Order(4)
    void aHoldFromTheCalendarAndTheSubmission() throws Exception {
        step("Client 4: a session from the typed calendar, a hold with an Idempotency-Key, the submission");
        // the office's admin puts the next two weeks on sale (as JourneyIT does; a second release is a no-op)
        Journey admin = new Journey(system.gateway());
        admin.releaseQuota(admin.login("admin@mpaspor.local", system.secret("admin-password")), OFFICE,
                LocalDate.now(SharedSystem.WIB), LocalDate.now(SharedSystem.WIB).plusDays(14));
        Calendar calendar = new OfficesApi(client).getCalendar(OFFICE, null, null, null, null);
        assertThat(calendar.getOfficeCode()).isEqualTo(OFFICE);
        // the latest open session: the other classes book the first days
        CalendarSession[] chosen = new CalendarSession[1];
        CalendarDay day = null;
        for (CalendarDay d : calendar.getDays()) {
            for (CalendarSession s : d.getSessions()) {
                if (s.getStatus() == SlotStatus.AVAILABLE && s.getRemaining() > 0) {
                    day = d;
                    chosen[0] = s;
                }
            }
        }
        assertThat(day).as("an available session at " + OFFICE + " in " + calendar.getDays()).isNotNull();
        HoldsApi holds = new HoldsApi(client);
        HoldRequest request = new HoldRequest().officeCode(OFFICE).date(day.getDate())
                .session(chosen[0].getSession()).service(ServiceLine.REGULAR)
                .passportKind(id.go.imigrasi.mpaspor.client.model.PassportKind.ELECTRONIC) // an e-passport applicant
                .niks(java.util.Set.of(nik));
        String key = UUID.randomUUID().toString();
        AtomicReference<HoldView> hold = new AtomicReference<>();
        // quota-service answers 409 + Retry-After until the applicant just added reaches it (an event away)
        Awaitility.await("the hold").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).until(() -> {
            try {
                hold.set(holds.createHold(request, null, key));
                return true;
            } catch (ApiException e) {
                assertThat(e.getCode()).as(e.getResponseBody()).isEqualTo(409);
                assertThat(e.getResponseHeaders().firstValue("Retry-After")).isPresent();
                return false;
            }
        });
        holdId = hold.get().getHoldId();
        assertThat(hold.get().getDate()).isEqualTo(request.getDate());
        assertThat(hold.get().getNiks()).containsExactly(nik);
        say("  hold " + holdId + " on " + request.getDate() + " " + chosen[0].getSession() + ", expires "
                + hold.get().getExpiresAt());

        ApplicationsApi applications = new ApplicationsApi(client);
        Awaitility.await("the submission").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).until(() -> {
            try {
                var submitted = applications.submitApplicationWithHttpInfo(applicationId,
                        new SubmissionRequest().holdId(UUID.fromString(holdId)));
                assertThat(submitted.getStatusCode()).isEqualTo(202);
                return true;
            } catch (ApiException e) {
                assertThat(e.getCode()).as(e.getResponseBody()).isEqualTo(409);
                return false;
            }
        });
        say("  submitted (202)");
    }

    @Test
    @Order(5)
    void theBillWhenItIsIssuedAndItsPdf() throws Exception {
        step("Client 5: the bill (404 + Retry-After until it is issued), then its PDF as a file");
        BillsApi bills = new BillsApi(client);
        AtomicReference<BillView> bill = new AtomicReference<>();
        Awaitility.await("the bill").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).until(() -> {
            try {
                bill.set(bills.getBillOfApplication(applicationId));
                return true;
            } catch (ApiException e) {
                assertThat(e.getCode()).as(e.getResponseBody()).isEqualTo(404);
                assertThat(problem(e).getType().toString()).endsWith("/bill-not-yet-issued");
                assertThat(e.getResponseHeaders().firstValue("Retry-After")).isPresent();
                return false;
            }
        });
        billingCode = bill.get().getBillingCode();
        assertThat(bill.get().getAmount()).isPositive();
        assertThat(bill.get().getCurrency()).isEqualTo("IDR");
        assertThat(bill.get().getLines()).isNotEmpty();
        File pdf = bills.getInvoicePdf(billingCode);
        byte[] bytes = Files.readAllBytes(pdf.toPath());
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        say("  bill " + billingCode + " of Rp " + bill.get().getAmount() + "; invoice PDF " + bytes.length + " bytes");
        assertThat(DeclaredStatuses.LEDGER.undeclared()).as("every status this client met is declared").isEmpty();
    }

    private ApplicantRequest dewi() {
        return new ApplicantRequest().authority(ApplicantRequest.AuthorityEnum.SELF).fullName("Dewi Lestari").nik(nik)
                .birthDate(LocalDate.of(1990, 6, 5))
                .birthPlace("Surabaya").sex(ApplicantRequest.SexEnum.FEMALE).motherName("Sri Wahyuni")
                .address("Jl. Darmo No. 12, Surabaya").phone("081234567890")
                .questionnaire(new QuestionnaireRequest().applicationType(QuestionnaireRequest.ApplicationTypeEnum.NEW)
                        .passportKind(QuestionnaireRequest.PassportKindEnum.ELECTRONIC)
                        .validityYears(QuestionnaireRequest.ValidityYearsEnum.NUMBER_10).sameDayService(false).travelPurpose("Umrah"));
    }

    private static String meta(String key, String value) {
        return key + " " + Base64.getEncoder().encodeToString(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Problem problem(ApiException e) throws Exception {
        assertThat(e).as("an error answer").isNotNull();
        assertThat(e.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        return JSON.getDefault().getMapper().readValue(e.getResponseBody(), Problem.class);
    }
}
