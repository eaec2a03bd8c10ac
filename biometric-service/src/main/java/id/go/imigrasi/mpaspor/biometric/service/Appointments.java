package id.go.imigrasi.mpaspor.biometric.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.biometric.BiometricProblem;
import id.go.imigrasi.mpaspor.biometric.config.BiometricConfig;
import id.go.imigrasi.mpaspor.biometric.domain.Appointment;
import id.go.imigrasi.mpaspor.biometric.domain.DeskQuery;
import id.go.imigrasi.mpaspor.biometric.domain.AppointmentStatus;
import id.go.imigrasi.mpaspor.biometric.domain.CaptureRules;
import id.go.imigrasi.mpaspor.biometric.repository.AppointmentRepository;
import id.go.imigrasi.mpaspor.biometric.repository.FingerCaptureRepository;
import id.go.imigrasi.mpaspor.platform.problem.CommonProblem;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Access to appointments: applicants read only their own (others' answer 404), officers only those of their own
 * office (403), admins all; and the frame every officer action runs in (one transaction, the appointment locked,
 * the office checked, the expected step checked).
 */
@ApplicationScoped
public class Appointments {

    private final AppointmentRepository appointments;
    private final FingerCaptureRepository fingers;
    private final CaptureRules rules;
    private final ResultsReads reads;

    public Appointments(AppointmentRepository appointments, FingerCaptureRepository fingers, BiometricConfig config,
            ResultsReads reads) {
        this.reads = reads;
        this.appointments = appointments;
        this.fingers = fingers;
        this.rules = new CaptureRules(config.capture().faceThreshold(), config.capture().fingerThreshold(),
                config.capture().maxFingerAttempts());
    }

    public CaptureRules rules() {
        return rules;
    }

    public Uni<AppointmentView> view(Appointment a) {
        return fingers.ofAppointment(a.id).map(f -> AppointmentView.of(a, f, rules));
    }

    /** One appointment for whoever may read it. */
    public Uni<AppointmentView> read(String id, Caller caller) {
        UUID uuid = parse(id);
        return Panache.withSession(() -> appointments.findById(uuid).chain(a -> {
            readable(a, caller);
            return view(a).chain(v -> reads.read(a, v, caller));
        }));
    }

    public Uni<Appointment> readable(String id, Caller caller) {
        UUID uuid = parse(id);
        return Panache.withSession(() -> appointments.findById(uuid).invoke(a -> readable(a, caller)));
    }

    public Uni<List<AppointmentView>> mine(Caller caller) {
        String account = caller.accountId();
        return Panache.withSession(() -> appointments.ofAccount(account).chain(this::views));
    }

    public Uni<List<AppointmentView>> ofOffice(LocalDate date, Caller caller) {
        String office = caller.officeCode().orElseThrow(() -> ProblemException.of(CommonProblem.FORBIDDEN));
        return Panache.withSession(() -> appointments.ofOfficeOn(office, date)
                .map(list -> list.stream().map(a -> AppointmentView.listed(a, rules)).toList()));
    }

    /**
     * The officer's search at the desk ({@link DeskQuery}): in the officer's own office only, at most
     * {@link #SEARCH_LIMIT} appointments, newest day first; 400 {@code validation.desk-query} for what cannot be
     * searched (fewer than three letters of a name).
     */
    public Uni<List<AppointmentView>> search(String typed, Caller caller) {
        String office = caller.officeCode().orElseThrow(() -> ProblemException.of(CommonProblem.FORBIDDEN));
        DeskQuery query = DeskQuery.of(typed).orElseThrow(() -> ProblemException.invalid("q",
                "validation.desk-query", DeskQuery.MIN_NAME));
        return Panache.withSession(() -> appointments.search(office, query, SEARCH_LIMIT)
                .map(list -> list.stream().map(a -> AppointmentView.listed(a, rules)).toList()));
    }

    /** The most appointments one desk search answers: a name common in the office asks for more letters. */
    public static final int SEARCH_LIMIT = 20;

    private Uni<List<AppointmentView>> views(List<Appointment> list) {
        Uni<List<AppointmentView>> chain = Uni.createFrom().item(new ArrayList<>());
        for (Appointment a : list) {
            chain = chain.chain(acc -> view(a).map(v -> {
                acc.add(v);
                return acc;
            }));
        }
        return chain;
    }

    /**
     * Runs an officer's action on one appointment in one transaction: locked, of the officer's office, in one of
     * the expected steps; answers the appointment as it is afterwards.
     */
    public Uni<AppointmentView> act(String id, Caller caller, List<AppointmentStatus> expected,
            Function<Appointment, Uni<Void>> action) {
        UUID uuid = parse(id);
        return Panache.withTransaction(() -> appointments.lock(uuid).chain(a -> {
            if (a == null) {
                throw ProblemException.of(BiometricProblem.APPOINTMENT_NOT_FOUND);
            }
            caller.requireOffice(a.officeCode);
            if (!expected.contains(a.status)) {
                throw ProblemException.of(BiometricProblem.WRONG_STEP, a.status.name(),
                        String.join(", ", expected.stream().map(Enum::name).toList()));
            }
            return action.apply(a).chain(() -> appointments.flush()).chain(() -> view(a));
        }));
    }

    private void readable(Appointment a, Caller caller) {
        if (a == null) {
            throw ProblemException.of(BiometricProblem.APPOINTMENT_NOT_FOUND);
        }
        if (caller.hasRole(Roles.ADMIN)) {
            return;
        }
        if (caller.hasRole(Roles.OFFICER)) {
            caller.requireOffice(a.officeCode);
            return;
        }
        if (!caller.accountId().equals(a.accountId)) {
            throw ProblemException.of(BiometricProblem.APPOINTMENT_NOT_FOUND);
        }
    }

    public static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.of(BiometricProblem.APPOINTMENT_NOT_FOUND);
        }
    }
}
