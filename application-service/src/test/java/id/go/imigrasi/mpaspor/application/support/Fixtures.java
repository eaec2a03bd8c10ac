package id.go.imigrasi.mpaspor.application.support;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import id.go.imigrasi.mpaspor.testkit.Niks;
import id.go.imigrasi.mpaspor.contracts.EventTypes;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;
import id.go.imigrasi.mpaspor.platform.events.CloudEvents;
import id.go.imigrasi.mpaspor.simulators.dukcapil.DukcapilStub;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.restassured.http.ContentType;

/**
 * What the tests do as the other parties would: an applicant over HTTP, Dukcapil (the stub), the other services
 * publishing on their topics, ops reading committed rows.
 */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Fixtures() {
    }

    public static String kafka() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    public static String newAccount() {
        return UUID.randomUUID().toString();
    }

    public static String email(String account) {
        return account + "@test.mpaspor.id";
    }

    public static String token(String account) {
        return TestJwt.applicant(account);
    }

    /** A NIK no other test uses, valid for this birth date and sex, registered at the Dukcapil stub. */
    public static String registeredNik(String name, LocalDate birthDate, String sex) {
        String nik = nik(birthDate, sex);
        DukcapilStubResource.stub().register(new DukcapilStub.Person(nik, name, birthDate.toString(), "Jakarta", sex));
        return nik;
    }

    /** A well-formed NIK for this birth date and sex that Dukcapil does not know. */
    public static String nik(LocalDate birthDate, String sex) {
        return Niks.of(birthDate, sex);
    }

    /**
     * An applicant's form; override entries to break one rule at a time. The holder declares SELF for an adult and
     * PARENT for a child.
     */
    public static Map<String, Object> applicant(String name, String nik, LocalDate birthDate, String sex) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("applicationType", "NEW");
        q.put("passportKind", "ELECTRONIC");
        q.put("validityYears", 10);
        q.put("sameDayService", false);
        q.put("travelPurpose", "Wisata");
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("fullName", name);
        a.put("nik", nik);
        a.put("birthDate", birthDate.toString());
        a.put("birthPlace", "Jakarta");
        a.put("sex", sex);
        a.put("motherName", "Ibu " + name);
        a.put("address", "Jl. Merdeka No. 1, Jakarta Pusat");
        a.put("phone", "081234567890");
        a.put("questionnaire", q);
        // the holder's declaration of authority (issue 23): a child's data only as its parent
        a.put("authority", java.time.Period.between(birthDate, LocalDate.now()).getYears() < 17 ? "PARENT" : "SELF");
        return a;
    }

    /** An adult registered at Dukcapil, ready to be added. */
    public static Map<String, Object> adult(String name) {
        LocalDate born = LocalDate.of(1980 + ThreadLocalRandom.current().nextInt(20), 1 + ThreadLocalRandom.current()
                .nextInt(12), 1 + ThreadLocalRandom.current().nextInt(28));
        return applicant(name, registeredNik(name, born, "MALE"), born, "MALE");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> questionnaire(Map<String, Object> applicant) {
        return (Map<String, Object>) applicant.get("questionnaire");
    }

    public static String createApplication(String account) {
        return given().auth().oauth2(token(account)).when().post("/applications")
                .then().statusCode(201).extract().path("id");
    }

    public static String addApplicant(String account, String applicationId, Map<String, Object> applicant) {
        return given().auth().oauth2(token(account)).contentType(ContentType.JSON).body(applicant)
                .when().post("/applications/{id}/applicants", applicationId)
                .then().statusCode(201).extract().path("id");
    }

    /** Publishes the event on its producer's topic as that service's outbox relay would; returns the CE id. */
    public static String publish(IntegrationEvent event) {
        return publish(event, UUID.randomUUID().toString(), Instant.now());
    }

    public static String publish(IntegrationEvent event, String eventId, Instant time) {
        String topic = EventTypes.topic(event.getClass());
        String producer = topic.substring(0, topic.indexOf('.'));
        try {
            CloudEvent envelope = CloudEvents.envelope(eventId, "/mpaspor/" + producer + "-service",
                    EventTypes.ceType(event.getClass()), event.aggregateId(), time, JSON.writeValueAsString(event));
            try (KafkaProducer<String, CloudEvent> producerClient = new KafkaProducer<>(
                    Map.of("bootstrap.servers", kafka()), new StringSerializer(), new CloudEventSerializer())) {
                producerClient.send(new ProducerRecord<>(topic, event.aggregateId(), envelope)).get();
            }
            return eventId;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A count over committed rows, read as another process would. */
    public static long count(String sql, Object... args) {
        return RealInfrastructure.database().count(sql, args);
    }
}
