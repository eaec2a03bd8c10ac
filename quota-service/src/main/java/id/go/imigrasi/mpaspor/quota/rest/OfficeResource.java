package id.go.imigrasi.mpaspor.quota.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import id.go.imigrasi.mpaspor.platform.i18n.Messages;
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
import id.go.imigrasi.mpaspor.quota.domain.UnitKind;
import id.go.imigrasi.mpaspor.quota.service.Calendar;
import id.go.imigrasi.mpaspor.quota.service.CalendarService;
import id.go.imigrasi.mpaspor.quota.service.HoldService;
import id.go.imigrasi.mpaspor.quota.service.OfficeService;
import id.go.imigrasi.mpaspor.quota.service.ReleaseSubscriptions;
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

    @Schema(description = "An office of the directory: a Kantor Imigrasi or a unit it runs (ULP, MPP counter, UKK), with"
            + " its opening hours, the service lines and passport kinds it offers, and its units")
    public record OfficeView(
            @Schema(description = "The office's code", example = "JKTSEL") String code,
            @Schema(description = "The office's name", example = "Kantor Imigrasi Kelas I Khusus Non TPI Jakarta Selatan") String name,
            @Schema(description = "City or regency", example = "Jakarta Selatan") String city,
            @Schema(description = "Province", example = "DKI Jakarta") String province,
            @Schema(description = "Street address (the town where the street is not known yet: see source)", example = "Jl. Warung Buncit Raya No. 207, Mampang Prapatan") String address,
            @Schema(description = "Latitude of the building (approximate: see source)", example = "-6.2615") double latitude,
            @Schema(description = "Longitude of the building (approximate: see source)", example = "106.8286") double longitude,
            @Schema(description = "The office's time zone, WIB, WITA or WIT: its hours and dates are local to it (an enum here would narrow what v1 promised)", examples = "WIB") String timeZone,
            @Schema(description = "KANTOR (Kantor Imigrasi), ULP (Unit Layanan Paspor), MPP (passport counter in a Mal Pelayanan Publik) or UKK (Unit Kerja Kantor)") UnitKind kind,
            @Schema(description = "The Kantor Imigrasi a unit belongs to (absent for a Kantor)", example = "JKTSEL") String parentOffice,
            @Schema(description = "Phone number, when known (absent rather than guessed)") String phone,
            @Schema(description = "Mail address, when known (absent rather than guessed)") String email,
            @Schema(description = "Whether the office issues electronic passports") boolean ePassport,
            @Schema(description = "The passport kinds the office takes applications for") List<PassportKind> passportKinds,
            @Schema(description = "Where the directory's row comes from and when it was compiled") String source,
            @Schema(description = "Distance from the given location in km (only when a location was given)", example = "2.4") Double distanceKm,
            @Schema(description = "When the office is open, in its own time zone: one entry per interval, by weekday and"
                    + " opening time; a weekday may have several (Friday's prayer break), a weekday without any is closed") List<OpeningInterval> hours,
            @Schema(description = "The service lines the office offers: those with a capacity above zero in its weekday"
                    + " rules, or in the configured defaults when it has no rules (the same that releases put on sale)") List<ServiceLine> services,
            @Schema(description = "The units this Kantor runs (empty for a unit), by code") List<UnitRef> units) {

        static OfficeView of(OfficeService.Located l) {
            Office o = l.office();
            return new OfficeView(o.code, o.name, o.city, o.province, o.address, o.latitude, o.longitude, o.timeZone,
                    o.kind, o.parentOffice, o.phone, o.email, o.ePassport, l.passportKinds(), o.source, l.distanceKm(),
                    l.hours().stream().map(OpeningInterval::of).toList(), l.services(),
                    l.units().stream().map(UnitRef::of).toList());
        }
    }

    @Schema(description = "A unit a Kantor Imigrasi runs")
    public record UnitRef(
            @Schema(description = "The unit's code (GET /offices/{code} for the whole)", example = "ULPKOKAS") String code,
            @Schema(description = "The unit's name") String name,
            @Schema(description = "ULP, MPP or UKK") UnitKind kind) {

        static UnitRef of(Office o) {
            return new UnitRef(o.code, o.name, o.kind);
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
    private final ReleaseSubscriptions releaseSubscriptions;

    @jakarta.inject.Inject
    io.quarkus.security.identity.CurrentIdentityAssociation identities;

    public OfficeResource(OfficeService offices, CalendarService calendars, HoldService holds, QuotaConfig config,
            Caller caller, java.time.Clock clock, WaitingRoomService waitingRooms,
            ReleaseSubscriptions releaseSubscriptions) {
        this.releaseSubscriptions = releaseSubscriptions;
        this.clock = clock;
        this.waitingRooms = waitingRooms;
        this.offices = offices;
        this.calendars = calendars;
        this.holds = holds;
        this.config = config;
        this.caller = caller;
    }

    /**
     * The directory, nearest first (with the distance in km) when a location is given ({@code lat} and {@code lon},
     * or {@code near=lat,lon}), by code otherwise; filtered by province, kind of unit and electronic passports.
     */
    @GET
    @PermitAll
    @Operation(operationId = "listOffices", summary = "The office directory (Kantor Imigrasi and their units), nearest first when a location is given")
    @APIResponse(responseCode = "200", description = "The offices that pass every filter (none: an empty list)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = OfficeView.class)))
    @APIResponse(responseCode = "400", description = "A malformed location or filter (field errors)", content = @Content(mediaType = "application/problem+json"))
    public Uni<List<OfficeView>> list(
            @Parameter(description = "Latitude of the applicant (with lon)", example = "-6.2615", schema = @Schema(type = SchemaType.NUMBER, format = "double", minimum = "-90", maximum = "90")) @QueryParam("lat") String lat,
            @Parameter(description = "Longitude of the applicant (with lat)", example = "106.8106", schema = @Schema(type = SchemaType.NUMBER, format = "double", minimum = "-180", maximum = "180")) @QueryParam("lon") String lon,
            @Parameter(description = "The applicant's location as lat,lon (instead of lat and lon)", example = "-6.2615,106.8106", schema = @Schema(type = SchemaType.STRING, pattern = "^-?[0-9.]+,-?[0-9.]+$")) @QueryParam("near") String near,
            @Parameter(description = "Only the offices of this province (any case)", example = "Jawa Timur", schema = @Schema(type = SchemaType.STRING, maxLength = 60)) @QueryParam("province") String province,
            @Parameter(description = "Only this kind of office", schema = @Schema(implementation = UnitKind.class)) @QueryParam("kind") String kind,
            @Parameter(description = "true: only the offices that issue electronic passports; false: only those that do not", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("ePassport") String ePassport) {
        Double latitude = Params.number("lat", lat, -90, 90);
        Double longitude = Params.number("lon", lon, -180, 180);
        if ((latitude == null) != (longitude == null)) {
            throw ProblemException.invalid(latitude == null ? "lat" : "lon", "quota.location-incomplete");
        }
        if (near != null && !near.isBlank()) {
            if (latitude != null) {
                throw ProblemException.invalid("near", "quota.location-twice");
            }
            String[] parts = near.split(",", -1);
            if (parts.length != 2) {
                throw ProblemException.invalid("near", "quota.near-format");
            }
            latitude = Params.number("near", parts[0], -90, 90);
            longitude = Params.number("near", parts[1], -180, 180);
            if (latitude == null || longitude == null) {
                throw ProblemException.invalid("near", "quota.near-format");
            }
        }
        OfficeService.Filter filter = new OfficeService.Filter(Params.province("province", province),
                Params.enumValue("kind", kind, UnitKind.class, null), Params.bool("ePassport", ePassport));
        return offices.list(latitude, longitude, filter).map(all -> all.stream().map(OfficeView::of).toList());
    }

    @GET
    @Path("{code}")
    @PermitAll
    @Operation(operationId = "getOffice", summary = "One office of the directory with its opening hours, services and units")
    @APIResponse(responseCode = "200", description = "The office",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfficeView.class)))
    @APIResponse(responseCode = "404", description = "office-not-found", content = @Content(mediaType = "application/problem+json"))
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
    @APIResponse(responseCode = "401", description = "unauthorized: only for service=PRIORITY_WALK_IN, whose places are shown to a desk session's token: the token sent is invalid, expired or of an ended session (without a token the answer is 400)", content = @Content(mediaType = "application/problem+json"))
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

    /** Idempotent: the first call subscribes (201), a repeat keeps the one subscription (200, address and language updated). */
    @PUT
    @Path("{code}/release-subscription")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "subscribeToReleases", summary = "Mail me when this office releases quota (once per office; repeat-safe)")
    @APIResponse(responseCode = "201", description = "Subscribed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReleaseSubscriptionResource.SubscriptionView.class)))
    @APIResponse(responseCode = "200", description = "Already subscribed: the one subscription, with this request's address and language", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReleaseSubscriptionResource.SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "A malformed office code", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "No or an invalid access token", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "office-not-found", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "no-email-to-notify: the token carries no mail address", content = @Content(mediaType = "application/problem+json"))
    public Uni<Response> subscribe(@PathParam("code") String code, @Context HttpHeaders headers) {
        String office = officeCode(code);
        Locale language = Messages.negotiate(headers.getAcceptableLanguages());
        return releaseSubscriptions.subscribe(caller.accountId(), caller.email(), language, office)
                .map(s -> (s.created() ? Response.created(URI.create("/offices/" + office + "/release-subscription"))
                        : Response.ok()).entity(ReleaseSubscriptionResource.SubscriptionView.of(s.subscription())).build());
    }

    @DELETE
    @Path("{code}/release-subscription")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "unsubscribeFromReleases", summary = "No more mails about this office's releases (also when not subscribed)")
    @APIResponse(responseCode = "204", description = "Not subscribed (any more)")
    @APIResponse(responseCode = "400", description = "A malformed office code", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "No or an invalid access token", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "office-not-found", content = @Content(mediaType = "application/problem+json"))
    public Uni<Response> unsubscribe(@PathParam("code") String code) {
        return releaseSubscriptions.unsubscribe(caller.accountId(), officeCode(code)).map(v -> Response.noContent().build());
    }

    private static String officeCode(String code) {
        if (code == null || !code.matches("[A-Za-z0-9]{2,12}")) {
            throw ProblemException.invalid("code", "quota.office-code-format");
        }
        return code;
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
