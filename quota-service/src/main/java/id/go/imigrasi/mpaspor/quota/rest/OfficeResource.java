package id.go.imigrasi.mpaspor.quota.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import id.go.imigrasi.mpaspor.quota.config.QuotaConfig;
import id.go.imigrasi.mpaspor.quota.domain.Hold;
import id.go.imigrasi.mpaspor.quota.domain.Office;
import id.go.imigrasi.mpaspor.quota.domain.OfficeHours;
import id.go.imigrasi.mpaspor.quota.domain.PassportKind;
import id.go.imigrasi.mpaspor.quota.domain.ServiceLine;
import id.go.imigrasi.mpaspor.quota.service.Calendar;
import id.go.imigrasi.mpaspor.quota.service.CalendarService;
import id.go.imigrasi.mpaspor.quota.service.HoldService;
import id.go.imigrasi.mpaspor.quota.service.OfficeService;
import id.go.imigrasi.mpaspor.quota.service.WaitingRoomService;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The office catalogue, the quota calendar, and an office's bookings of the day for its officers. Every read is
 * retried once on a lost database connection ({@code @IdempotentReads}).
 */
@IdempotentReads
@Path("/offices")
@Tag(name = "offices", description = "Immigration offices, their calendar of places and waiting rooms")
public class OfficeResource {

    @Schema(description = "An immigration office (Kantor Imigrasi) with its opening hours and the service lines it offers")
    public record OfficeView(
            @Schema(description = "The office's code", example = "JKTSEL") String code,
            @Schema(description = "The office's name", example = "Kantor Imigrasi Kelas I Khusus Non TPI Jakarta Selatan") String name,
            @Schema(description = "City or regency", example = "Jakarta Selatan") String city,
            @Schema(description = "Street address", example = "Jl. Warung Buncit Raya No. 207, Mampang Prapatan") String address,
            @Schema(description = "Latitude of the building", example = "-6.2615") double latitude,
            @Schema(description = "Longitude of the building", example = "106.8286") double longitude,
            @Schema(description = "The office's time zone, WIB, WITA or WIT: its hours and dates are local to it (an enum here would narrow what v1 promised)", examples = "WIB") String timeZone,
            @Schema(description = "Distance from the given location in km (only when lat and lon were given)", example = "2.4") Double distanceKm,
            @Schema(description = "When the office is open, in its own time zone: one entry per interval, by weekday and"
                    + " opening time; a weekday may have several (Friday's prayer break), a weekday without any is closed") List<OpeningInterval> hours,
            @Schema(description = "The service lines the office offers: those with a capacity above zero in its weekday"
                    + " rules, or in the configured defaults when it has no rules (the same that releases put on sale)") List<ServiceLine> services) {

        static OfficeView of(OfficeService.Located l) {
            Office o = l.office();
            return new OfficeView(o.code, o.name, o.city, o.address, o.latitude, o.longitude, o.timeZone, l.distanceKm(),
                    l.hours().stream().map(OpeningInterval::of).toList(), l.services());
        }
    }

    @Schema(description = "An interval an office is open on a weekday, in the office's local time")
    public record OpeningInterval(
            @Schema(description = "ISO weekday: 1 = Monday ... 7 = Sunday", minimum = "1", maximum = "7", example = "5") int weekday,
            @Schema(description = "Opening time, HH:mm local", pattern = "^\\d{2}:\\d{2}$", example = "08:00") String opens,
            @Schema(description = "Closing time, HH:mm local (after opens)", pattern = "^\\d{2}:\\d{2}$", example = "11:30") String closes) {

        private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

        static OpeningInterval of(OfficeHours h) {
            return new OpeningInterval(h.weekday, h.opens.format(HH_MM), h.closes.format(HH_MM));
        }
    }

    public record BookingLine(String bookingId, String applicationId, String session, String service,
            String passportKind, List<String> niks, Instant confirmedAt) {

        static BookingLine of(Hold h) {
            return new BookingLine(h.id.toString(), h.applicationId, h.slotSession.name(), h.service.name(),
                    h.passportKind.name(), h.nikList(), h.confirmedAt);
        }
    }

    private final OfficeService offices;
    private final CalendarService calendars;
    private final HoldService holds;
    private final QuotaConfig config;
    private final Caller caller;
    private final java.time.Clock clock;
    private final WaitingRoomService waitingRooms;

    @jakarta.inject.Inject
    io.quarkus.security.identity.CurrentIdentityAssociation identities;

    public OfficeResource(OfficeService offices, CalendarService calendars, HoldService holds, QuotaConfig config,
            Caller caller, java.time.Clock clock, WaitingRoomService waitingRooms) {
        this.clock = clock;
        this.waitingRooms = waitingRooms;
        this.offices = offices;
        this.calendars = calendars;
        this.holds = holds;
        this.config = config;
        this.caller = caller;
    }

    /** Nearest first (with the distance in km) when {@code lat} and {@code lon} are given, by code otherwise. */
    @GET
    @PermitAll
    @Operation(operationId = "listOffices", summary = "The immigration offices, nearest first when a location is given")
    public Uni<List<OfficeView>> list(
            @Parameter(description = "Latitude of the applicant (with lon)", example = "-6.2615", schema = @Schema(type = SchemaType.NUMBER, format = "double", minimum = "-90", maximum = "90")) @QueryParam("lat") String lat,
            @Parameter(description = "Longitude of the applicant (with lat)", example = "106.8106", schema = @Schema(type = SchemaType.NUMBER, format = "double", minimum = "-180", maximum = "180")) @QueryParam("lon") String lon) {
        Double latitude = Params.number("lat", lat, -90, 90);
        Double longitude = Params.number("lon", lon, -180, 180);
        if ((latitude == null) != (longitude == null)) {
            throw ProblemException.invalid(latitude == null ? "lat" : "lon", "quota.location-incomplete");
        }
        return offices.list(latitude, longitude).map(all -> all.stream().map(OfficeView::of).toList());
    }

    @GET
    @Path("{code}")
    @PermitAll
    @Operation(operationId = "getOffice", summary = "One immigration office with its opening hours and services")
    public Uni<OfficeView> get(@PathParam("code") String code) {
        return offices.get(code).map(OfficeView::of);
    }

    /**
     * Per date and session: capacity, remaining and status (AVAILABLE, FULL, CLOSED, NOT_RELEASED). Served from
     * a short in-memory cache: it may lag by up to a second, a hold never does.
     */
    @GET
    @Path("{code}/calendar")
    @PermitAll
    @Operation(operationId = "getCalendar", summary = "The office's quota calendar: per date and session, what is left")
    @APIResponse(responseCode = "200", description = "The calendar (may lag a hold by up to a second: Cache-Control max-age)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Calendar.class)))
    public Uni<Response> calendar(@PathParam("code") String code,
            @Parameter(description = "First date (default: the office's today)", example = "2026-12-14", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Last date (default: 30 days after from; at most the configured range)", example = "2026-12-31", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(description = "The service line (default REGULAR; PRIORITY_WALK_IN only with a desk session of this office)", schema = @Schema(implementation = ServiceLine.class)) @QueryParam("service") String service,
            @Parameter(description = "Passport kind (default ORDINARY): an e-passport date may be closed while ordinary ones are not", schema = @Schema(implementation = PassportKind.class)) @QueryParam("passportKind") String kind) {
        ServiceLine line = Params.enumValue("service", service, ServiceLine.class, ServiceLine.REGULAR);
        if (!line.bookableOnline()) {
            // walk-in places: shown only to the office's own desk acting for a person (issue 19); this endpoint is
            // public and on the event loop, so the token is resolved here, and only for this line
            return identities.getDeferredIdentity().chain(identity -> {
                String desk = identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt
                        ? Caller.actorOf(jwt).map(Caller.Actor::officeCode).orElse(null) : null;
                if (!line.bookableBy(desk, code)) {
                    throw ProblemException.invalid("service", "quota.service-not-bookable", line.name());
                }
                return calendar(code, from, to, line, kind);
            });
        }
        return calendar(code, from, to, line, kind);
    }

    private Uni<Response> calendar(String code, String from, String to, ServiceLine line, String kind) {
        PassportKind passportKind = Params.enumValue("passportKind", kind, PassportKind.class, PassportKind.ORDINARY);
        LocalDate fromDate = Params.date("from", from, null);
        LocalDate toDate = Params.date("to", to, null);
        Uni<LocalDate> start = fromDate != null ? Uni.createFrom().item(fromDate)
                : calendars.office(code).map(o -> o.today(clock));
        return start.chain(first -> {
            LocalDate last = toDate != null ? toDate : first.plusDays(30);
            if (last.isBefore(first)) {
                throw ProblemException.invalid("to", "quota.range-reversed");
            }
            if (ChronoUnit.DAYS.between(first, last) + 1 > config.calendarMaxDays()) {
                throw ProblemException.invalid("to", "quota.range-too-long", config.calendarMaxDays());
            }
            return calendars.calendar(code, line, passportKind, first, last);
        }).map(calendar -> {
            CacheControl cache = new CacheControl();
            cache.setMaxAge((int) Math.max(1, config.calendarCacheTtl().toSeconds()));
            return Response.ok(calendar).cacheControl(cache).build();
        });
    }

    /**
     * The office's quota releases that have a waiting room (upcoming, open, or closed within the hour), by release
     * time: where the website finds the room of a date before its release. From memory, no database read.
     */
    @GET
    @Path("{code}/waiting-rooms")
    @PermitAll
    @Operation(operationId = "listWaitingRooms", summary = "The office's releases with a waiting room:"
            + " dates, when the room opens, releaseAt, when the window closes, state, places left, next release")
    public List<id.go.imigrasi.mpaspor.platform.waitingroom.WaitingRoomStatus> waitingRooms(@PathParam("code") String code) {
        if (code == null || !code.matches("[A-Za-z0-9]{2,12}")) {
            throw ProblemException.invalid("code", "quota.office-unknown", code.length() > 12 ? code.substring(0, 12) : code);
        }
        return waitingRooms.roomsOf(code);
    }

    /** The day's bookings of the office: its officers and admins only. */
    @GET
    @Path("{code}/bookings")
    @RolesAllowed({ Roles.OFFICER, Roles.ADMIN })
    @Operation(operationId = "listOfficeBookings")
    public Uni<List<BookingLine>> bookings(@PathParam("code") String code, @QueryParam("date") String date) {
        caller.requireOffice(code);
        LocalDate day = Params.date("date", date, null);
        if (day == null) {
            throw ProblemException.invalid("date", "quota.required");
        }
        return holds.bookingsOf(code, day).map(list -> list.stream().map(BookingLine::of).toList());
    }
}
