package id.go.imigrasi.mpaspor.gateway.docs;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * The example payload of an event in the AsyncAPI document: a real instance of the contracts record, built through
 * its canonical constructor (so its own checks run) with realistic Indonesian values chosen by field name, and
 * serialised as the outbox does (ISO dates, no timestamps as numbers). Not a hand-written copy that could drift from
 * the record: a field added to an event appears in its example at once.
 */
final class EventExamples {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant AT = Instant.parse("2026-12-04T01:15:30Z");
    private static final LocalDate DAY = LocalDate.parse("2026-12-14");

    /** Field name to its example, for the names whose meaning fixes the format. */
    private static final Map<String, Object> BY_NAME = Map.ofEntries(
            Map.entry("nik", "3578014506900001"),
            Map.entry("niks", "3578014506900001"),
            Map.entry("corrected", "3578014506900001"),
            Map.entry("officeCode", "JKTSEL"), Map.entry("fromOffice", "JKTSEL"), Map.entry("toOffice", "JKTUTR"),
            Map.entry("session", "MORNING"), Map.entry("fromSession", "MORNING"), Map.entry("toSession", "AFTERNOON"),
            Map.entry("service", "REGULAR"), Map.entry("passportKind", "ELECTRONIC"),
            Map.entry("fullName", "Dewi Lestari"), Map.entry("collectorName", "Dewi Lestari"),
            Map.entry("email", "dewi.lestari@example.co.id"), Map.entry("phone", "+6281234567890"),
            Map.entry("billingCode", "820261204000017"), Map.entry("bookingCode", "JKTSEL-7QX2PM"),
            Map.entry("channel", "bni-va"), Map.entry("channelReference", "BNI-20261204-000123"),
            Map.entry("ntpn", "A1B2C3D4E5F6G7H8"), Map.entry("passportNumber", "X1234567"),
            Map.entry("trackingNumber", "P2612040001234"), Map.entry("documentType", "KTP"),
            Map.entry("fileName", "ktp-dewi.jpg"), Map.entry("contentType", "image/jpeg"),
            Map.entry("storageKey", "uploads/2026/12/04/5a2d8c41.jpg"), Map.entry("role", "OFFICER"),
            Map.entry("reasonCode", "blurry"), Map.entry("reasonId", "Foto buram, unggah ulang yang jelas"),
            Map.entry("reasonEn", "The photo is blurry, upload a sharp one"),
            Map.entry("reason", "Berkas tidak sesuai"), Map.entry("method", "POS"), Map.entry("how", "PICKUP"),
            Map.entry("collectedBy", "APPLICANT"), Map.entry("outcome", "VERIFIED"), Map.entry("result", "PASSED"),
            Map.entry("amount", 350000L), Map.entry("validityYears", 10), Map.entry("position", 42L),
            Map.entry("fingerExceptions", "LEFT_LITTLE"));

    private EventExamples() {
    }

    /** An example of {@code event}, or empty when the record refuses every sample value. */
    static Optional<IntegrationEvent> of(Class<?> event) {
        try {
            return Optional.of((IntegrationEvent) instance(event, 0));
        } catch (ReflectiveOperationException | RuntimeException refused) {
            return Optional.empty();
        }
    }

    /** The payload as the outbox writes it. */
    static JsonNode payload(IntegrationEvent event) {
        return JSON.valueToTree(event);
    }

    /** The time of every example. */
    static Instant at() {
        return AT;
    }

    private static Object instance(Class<?> type, int depth) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = value(components[i].getName(), components[i].getType(), components[i].getGenericType(), depth);
        }
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(args);
    }

    private static Object value(String name, Class<?> type, Type generic, int depth) throws ReflectiveOperationException {
        Object known = BY_NAME.get(name);
        if (type == String.class) {
            if (known instanceof String text) {
                return text;
            }
            if (name.endsWith("Id") || name.equals("id") || name.endsWith("By") || name.equals("byAdmin")) {
                return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
            }
            return name.equals("status") ? "ACTIVE" : "contoh " + name;
        }
        if (type == List.class || type == Set.class) {
            Type element = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : String.class;
            Class<?> elementClass = element instanceof Class<?> c ? c : String.class;
            String singular = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
            Object one = known != null && elementClass == String.class ? known
                    : value(singular, elementClass, elementClass, depth + 1);
            return type == List.class ? List.of(one) : Set.of(one);
        }
        if (type == Map.class) {
            // counts by kind (the *DataErased events) or rows by kind, each row as column to value (*DataExported)
            Type valueType = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[1] : Object.class;
            if (valueType == Integer.class || valueType == Long.class) {
                return Map.of("applicant", 2);
            }
            return Map.of("holds", List.of(Map.of("office_code", "JKTSEL", "date", DAY.toString(), "status", "BOOKED")));
        }
        if (type == LocalDate.class) {
            return name.toLowerCase().contains("birth") ? LocalDate.parse("1990-06-05")
                    : name.startsWith("to") ? DAY.plusDays(2) : DAY;
        }
        if (type == Instant.class) {
            return name.contains("Until") || name.contains("expires") || name.contains("closes") ? AT.plusSeconds(900)
                    : AT;
        }
        if (type == UUID.class) {
            return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        }
        if (type == long.class || type == Long.class) {
            return known instanceof Number n ? n.longValue() : 1L;
        }
        if (type == int.class || type == Integer.class) {
            return known instanceof Number n ? n.intValue() : 1;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type == double.class || type == Double.class) {
            return 0.5d;
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("350000");
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isRecord() && depth < 3) {
            return instance(type, depth + 1);
        }
        return null;
    }
}
