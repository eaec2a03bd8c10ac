package id.go.imigrasi.mpaspor.quota.service;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.quota.config.QuotaConfig;
import id.go.imigrasi.mpaspor.quota.domain.DaySession;
import id.go.imigrasi.mpaspor.quota.domain.Office;
import id.go.imigrasi.mpaspor.quota.domain.PassportKind;
import id.go.imigrasi.mpaspor.quota.domain.ServiceLine;

/**
 * The rule of which service lines an office offers, so that the office catalogue never disagrees with what a release
 * puts on sale ({@code CapacityRepository.materialize}): an office with weekday rules offers a line when some rule
 * of it has a capacity above zero; an office without any rule gets the configured defaults
 * ({@code mpaspor.quota.default-capacity.<SERVICE>_<SESSION>} on {@code mpaspor.quota.open-days}), so it offers a line
 * when it is open some day and some session of the line has a default capacity above zero. The passport kinds follow
 * the office's {@code e_passport}: an office that does not issue electronic passports offers ordinary ones only,
 * and a release closes its dates to electronic passports ({@code CapacityRepository.materialize}) so no hold can
 * take one there.
 */
@ApplicationScoped
public class ServicesOffered {

    private final QuotaConfig config;

    public ServicesOffered(QuotaConfig config) {
        this.config = config;
    }

    /**
     * @param largestCapacity the office's largest capacity per service line over its rules (a line without a rule
     *        is absent); empty when the office has no rules at all
     * @return the lines offered, in {@link ServiceLine} order
     */
    public List<ServiceLine> of(Map<ServiceLine, Integer> largestCapacity) {
        return Arrays.stream(ServiceLine.values())
                .filter(line -> largestCapacity.isEmpty() ? byDefault(line) : largestCapacity.getOrDefault(line, 0) > 0)
                .toList();
    }

    /** The passport kinds the office takes applications for, in {@link PassportKind} order. */
    public List<PassportKind> passportKinds(Office office) {
        return office.ePassport ? List.of(PassportKind.ORDINARY, PassportKind.ELECTRONIC) : List.of(PassportKind.ORDINARY);
    }

    private boolean byDefault(ServiceLine line) {
        return !config.openDays().isEmpty() && Arrays.stream(DaySession.values())
                .anyMatch(session -> config.defaultCapacity().getOrDefault(line.name() + "_" + session.name(), 0) > 0);
    }
}
