package id.go.imigrasi.mpaspor.e2e;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import org.awaitility.Awaitility;

import id.go.imigrasi.mpaspor.upload.client.TusUploadException;
import id.go.imigrasi.mpaspor.upload.client.TusUploader;
import id.go.imigrasi.mpaspor.upload.client.UploadResult;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * What a front end does, as small verbs over the gateway's public API ({@code /api/v1}); every step prints
 * what it does so a failing CI log reads like the journey.
 */
final class Journey {

    private final String base;

    Journey(String gateway) {
        this.base = gateway + "/api/v1";
    }

    static void say(String line) {
        System.out.println(Instant.now() + " " + line);
        System.out.flush();
    }

    static void step(String title) {
        say("");
        say("=== " + title);
    }

    RequestSpecification anonymous() {
        return given().baseUri(base).accept(ContentType.JSON).header("Accept-Language", "en");
    }

    RequestSpecification as(String token) {
        return anonymous().auth().oauth2(token);
    }

    RequestSpecification json(RequestSpecification spec, Object body) {
        return spec.contentType(ContentType.JSON).body(body);
    }

    /** Registers, reads the OTP from the mailbox, verifies, logs in; returns the access token. */
    String registerVerifyAndLogin(Mailbox mailbox, String name, String email, String phone, String password) {
        // the person accepts the privacy notice in force (its version is the account service's public answer)
        String notice = anonymous().get("/accounts/privacy-notice").then().statusCode(200).extract().path("version");
        json(anonymous(), Map.of("name", name, "email", email, "phone", phone, "password", password,
                "privacyNoticeVersion", notice)).post("/accounts").then().statusCode(201);
        // the first mail of a new account is its verification code (subject in the account's language)
        String otp = mailbox.otp(email, "M-Paspor", 1);
        say("  OTP for " + email + " read from the mailbox: " + otp);
        json(anonymous(), Map.of("email", email, "otp", otp)).post("/accounts/verification").then().statusCode(200);
        return login(email, password);
    }

    /** An admin creates an officer of {@code officeCode}; the officer logs in. */
    String officer(String adminToken, String name, String email, String officeCode, String password) {
        json(as(adminToken), Map.of("name", name, "email", email, "phone", "081200001111", "officeCode", officeCode,
                "password", password)).post("/admin/officers").then().statusCode(201);
        return login(email, password);
    }

    /** The nearest office to a point (what the app does with the phone's location). */
    Map<String, Object> nearestOffice(double lat, double lon) {
        List<Map<String, Object>> offices = anonymous().queryParam("lat", lat).queryParam("lon", lon).get("/offices")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return offices.get(0);
    }

    record Slot(String officeCode, String date, String session, int remaining) {
    }

    /** The calendar's bookable slots with at least {@code places} left, earliest first. */
    List<Slot> availableSlots(String officeCode, int places) {
        Response calendar = anonymous().get("/offices/{code}/calendar", officeCode);
        calendar.then().statusCode(200);
        List<Slot> slots = new ArrayList<>();
        List<Map<String, Object>> days = calendar.jsonPath().getList("days");
        for (Map<String, Object> day : days) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> sessions = (List<Map<String, Object>>) day.get("sessions");
            for (Map<String, Object> session : sessions) {
                int remaining = ((Number) session.get("remaining")).intValue();
                if ("AVAILABLE".equals(session.get("status")) && remaining >= places) {
                    slots.add(new Slot(officeCode, (String) day.get("date"), (String) session.get("session"),
                            remaining));
                }
            }
        }
        return slots;
    }

    int remaining(Slot slot) {
        return availableSlotsIncludingFull(slot.officeCode()).getOrDefault(slot.date() + "/" + slot.session(), 0);
    }

    private Map<String, Integer> availableSlotsIncludingFull(String officeCode) {
        Map<String, Integer> remaining = new HashMap<>();
        List<Map<String, Object>> days = anonymous().get("/offices/{code}/calendar", officeCode).then().statusCode(200)
                .extract().jsonPath().getList("days");
        for (Map<String, Object> day : days) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> sessions = (List<Map<String, Object>>) day.get("sessions");
            sessions.forEach(s -> remaining.put(day.get("date") + "/" + s.get("session"),
                    ((Number) s.get("remaining")).intValue()));
        }
        return remaining;
    }

    /**
     * Holds one place per NIK in the slot; returns the hold id. Retry-safe as the app does it: one Idempotency-Key
     * for the request and its retries; quota-service answers 409 + Retry-After while the applicants just added are
     * not yet known to it (their ApplicantsChanged event is on its way): wait and retry.
     */
    String hold(String token, Slot slot, List<String> niks) {
        return hold(token, slot, niks, "ORDINARY");
    }

    /**
     * The same for {@code passportKind}: an application with an e-passport applicant needs an ELECTRONIC hold (the
     * date checked open to e-passports), or its submission is refused with hold-passport-kind-mismatch.
     */
    String hold(String token, Slot slot, List<String> niks, String passportKind) {
        String key = UUID.randomUUID().toString();
        Response[] last = new Response[1];
        Awaitility.await("hold of " + niks).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    Response r = json(as(token), Map.of("officeCode", slot.officeCode(), "date", slot.date(),
                            "session", slot.session(), "service", "REGULAR", "niks", niks,
                            "passportKind", passportKind))
                            .header("Idempotency-Key", key).post("/holds");
                    if (r.statusCode() == 201) {
                        last[0] = r;
                        return true;
                    }
                    if (r.statusCode() == 409 && r.getHeader("Retry-After") != null) {
                        say("  hold answered 409 (" + r.jsonPath().getString("title") + "), Retry-After "
                                + r.getHeader("Retry-After"));
                        return false;
                    }
                    throw new AssertionError("hold answered " + r.statusCode() + ": " + r.asString());
                });
        return last[0].jsonPath().getString("holdId");
    }

    /** Waits until billing issued the application's bill; returns it. */
    JsonPath awaitBill(String token, String applicationId) {
        JsonPath[] bill = new JsonPath[1];
        Awaitility.await("the bill of " + applicationId).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    Response r = as(token).queryParam("applicationId", applicationId).get("/bills");
                    if (r.statusCode() != 200) {
                        return false;
                    }
                    bill[0] = r.jsonPath();
                    return true;
                });
        return bill[0];
    }

    /**
     * Pays through the payment-channel simulator, an independent implementation of the channels' signing rules
     * run as its own process, as a bank would call us. Returns the HTTP statuses it printed, one per callback.
     */
    List<Integer> pay(SystemUnderTest system, String channel, String code, long amount, String... extra) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), system.root().resolve(
                "simulators/src/main/java/id/go/imigrasi/mpaspor/simulators/payment/PaymentChannelSimulator.java")
                .toString(), "--url", base, "--channel", channel, "--code", code, "--amount", Long.toString(amount),
                "--secret", system.secret("billing-" + channel)));
        command.addAll(List.of(extra));
        List<Integer> statuses = new ArrayList<>();
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            for (String line : output.split("\n")) {
                say("  [channel " + channel + "] " + line);
                if (line.matches("^\\d{3}\\b.*")) {
                    statuses.add(Integer.parseInt(line.substring(0, 3)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return statuses;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    // ---- the office visit (biometric-service), as the officer's desk and capture station call it ----

    JsonPath officeCall(String officerToken, String path, Object body, Object... params) {
        Response r = json(as(officerToken), body).post(path, params);
        r.then().statusCode(200);
        return r.jsonPath();
    }

    private static final List<String> FINGERS = List.of("RIGHT_THUMB", "RIGHT_INDEX", "RIGHT_MIDDLE", "RIGHT_RING",
            "RIGHT_LITTLE", "LEFT_THUMB", "LEFT_INDEX", "LEFT_MIDDLE", "LEFT_RING", "LEFT_LITTLE");

    JsonPath captureAllPassing(String officerToken, String appointmentId) {
        officeCall(officerToken, "/office/appointments/{id}/capture/face", Map.of("score", 91, "icaoCompliant", true),
                appointmentId);
        return officeCall(officerToken, "/office/appointments/{id}/capture/fingers", Map.of("results",
                FINGERS.stream().map(f -> Map.<String, Object>of("finger", f, "nfiq2", 80)).toList()), appointmentId);
    }

    /** Face passes; every finger passes except {@code failing}, which fails three times and gets an exception. */
    JsonPath captureWithOneFailingFinger(String officerToken, String appointmentId, String failing) {
        officeCall(officerToken, "/office/appointments/{id}/capture/face", Map.of("score", 86, "icaoCompliant", true),
                appointmentId);
        List<Map<String, Object>> good = FINGERS.stream().filter(f -> !f.equals(failing))
                .map(f -> Map.<String, Object>of("finger", f, "nfiq2", 72)).toList();
        officeCall(officerToken, "/office/appointments/{id}/capture/fingers", Map.of("results", good), appointmentId);
        for (int attempt = 1; attempt <= 3; attempt++) {
            JsonPath after = officeCall(officerToken, "/office/appointments/{id}/capture/fingers",
                    Map.of("results", List.of(Map.of("finger", failing, "nfiq2", 12))), appointmentId);
            say("  " + failing + " attempt " + attempt + ": NFIQ2 12, capture complete = "
                    + after.getBoolean("capture.complete"));
        }
        return officeCall(officerToken, "/office/appointments/{id}/capture/fingers/{finger}/exception",
                Map.of("kind", "INJURED", "reason", "luka gores di ujung jari, perban"), appointmentId, failing);
    }

    /** Quota goes on sale for {@code from..to} now (what an office's admin does at a release). */
    void releaseQuota(String adminToken, String officeCode, LocalDate from, LocalDate to) {
        json(as(adminToken), Map.of("from", from.toString(), "to", to.toString(), "releaseAt", Instant.now().toString()))
                .post("/admin/offices/{code}/releases", officeCode).then().statusCode(anyOf(is(200), is(201), is(202)));
    }

    // ---- the application (application-service) ----

    String createApplication(String token) {
        Response r = as(token).contentType(ContentType.JSON).body("{}").post("/applications");
        r.then().statusCode(201);
        return r.jsonPath().getString("id");
    }

    /** Registers a person at the Dukcapil stub, as the civil registry knows them (the NIK check finds them). */
    static void registerAtDukcapil(String nik, String fullName, String birthDate, String birthPlace, String sex) {
        String person = String.format("{\"nik\":\"%s\",\"fullName\":\"%s\",\"birthDate\":\"%s\","
                + "\"birthPlace\":\"%s\",\"sex\":\"%s\"}", nik, fullName, birthDate, birthPlace, sex);
        try {
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                            + SystemUnderTest.port(8091) + "/admin/nik")).header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(person)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            org.assertj.core.api.Assertions.assertThat(answer.statusCode()).as("Dukcapil stub registers " + nik)
                    .isEqualTo(201);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void registerAtDukcapil(Person p) {
        registerAtDukcapil(p.nik(), p.fullName(), p.birthDate(), p.birthPlace(), p.sex());
    }

    /** Uploads a scan of the first accepted kind for every required document not yet uploaded or accepted. */
    void uploadMissing(String token, String application, Documents documents) {
        List<Map<String, Object>> applicants = requirements(token, application).getList("applicants");
        for (Map<String, Object> applicant : applicants) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lines = (List<Map<String, Object>>) applicant.get("documents");
            for (Map<String, Object> line : lines) {
                if (!Boolean.TRUE.equals(line.get("required")) || "ACCEPTED".equals(line.get("state"))
                        || "UPLOADED".equals(line.get("state"))) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                String type = ((List<String>) line.get("acceptedDocuments")).get(0);
                upload(token, application, (String) applicant.get("applicantId"), type,
                        documents.scan((String) applicant.get("fullName"), type));
            }
        }
    }

    record Person(String fullName, String nik, String birthDate, String birthPlace, String sex, String motherName,
            String applicationType, String passportKind, int validityYears) {

        Map<String, Object> body() {
            return Map.of("authority", authority(), "fullName", fullName, "nik", nik, "birthDate", birthDate,
                    "birthPlace", birthPlace, "sex", sex,
                    "motherName", motherName, "address", "Jl. Kemang Raya No. 10, Jakarta Selatan", "phone",
                    "081234567890", "questionnaire", Map.of("applicationType", applicationType, "passportKind",
                            passportKind, "validityYears", validityYears, "sameDayService", false, "travelPurpose",
                            "Liburan keluarga"));
        }

        /** The holder's declaration of authority (issue 23): a child's data only as its parent. */
        String authority() {
            try {
                return java.time.Period.between(java.time.LocalDate.parse(birthDate), java.time.LocalDate.now())
                        .getYears() < 17 ? "PARENT" : "SELF";
            } catch (java.time.format.DateTimeParseException notADate) {
                return "SELF";
            }
        }

        Person withBirthDate(String date) {
            return new Person(fullName, nik, date, birthPlace, sex, motherName, applicationType, passportKind,
                    validityYears);
        }
    }

    Response addApplicant(String token, String applicationId, Person person) {
        return json(as(token), person.body()).post("/applications/{id}/applicants", applicationId);
    }

    JsonPath requirements(String token, String applicationId) {
        return as(token).get("/applications/{id}/requirements", applicationId).then().statusCode(200).extract()
                .jsonPath();
    }

    JsonPath application(String token, String applicationId) {
        return as(token).get("/applications/{id}", applicationId).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the application's status is {@code status}; returns the application. */
    JsonPath awaitStatus(String token, String applicationId, String status, Duration atMost) {
        JsonPath[] last = new JsonPath[1];
        Awaitility.await("application " + applicationId + " " + status).atMost(atMost)
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    last[0] = application(token, applicationId);
                    return status.equals(last[0].getString("status"));
                });
        say("  application " + applicationId + " is " + status);
        return last[0];
    }

    /** Submits with the hold; a hold the service has not heard of yet answers 409 + Retry-After: wait and retry. */
    void submit(String token, String applicationId, String holdId) {
        Awaitility.await("submission of " + applicationId).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    Response r = json(as(token), Map.of("holdId", holdId)).post("/applications/{id}/submission",
                            applicationId);
                    if (r.statusCode() == 202) {
                        return true;
                    }
                    if (r.statusCode() == 409 && r.getHeader("Retry-After") != null) {
                        say("  submission answered 409 (" + r.jsonPath().getString("title") + "), Retry-After "
                                + r.getHeader("Retry-After"));
                        return false;
                    }
                    throw new AssertionError("submission answered " + r.statusCode() + ": " + r.asString());
                });
    }

    // ---- uploads (tus, through the gateway, with the project's client) ----

    UploadResult upload(String token, String applicationId, String applicantId, String documentType, Path file) {
        TusUploader uploader = TusUploader.builder().endpoint(URI.create(base + "/uploads")).bearerToken(token)
                .chunkSize(64 * 1024).deadline(Duration.ofMinutes(2)).build();
        try {
            return uploader.upload(file, Map.of("applicationId", applicationId, "applicantId", applicantId,
                    "documentType", documentType, "filename", file.getFileName().toString()));
        } catch (TusUploadException e) {
            throw new AssertionError("upload of " + documentType + " failed: " + e.getMessage(), e);
        }
    }

    String login(String email, String password) {
        Response login = json(anonymous(), Map.of("email", email, "password", password)).post("/auth/login");
        login.then().statusCode(200);
        return login.jsonPath().getString("accessToken");
    }
}
