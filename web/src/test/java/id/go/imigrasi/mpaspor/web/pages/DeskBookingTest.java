package id.go.imigrasi.mpaspor.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/**
 * A walk-in helped at the desk (issue 19) books the walk-in line's places at that desk's own office: the desk session's
 * token names the office ({@code act.office_code}); regular applicants then take PRIORITY_WALK_IN, same-day applicants
 * keep their line, and any other office (or no desk) is booked as online.
 */
class DeskBookingTest {

    private static String token(String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    @Test
    void theDeskSessionsOfficeComesFromTheActClaim() {
        Staff desk = Staff.ofToken(token("{\"sub\":\"p-1\",\"groups\":[\"applicant\"],"
                + "\"act\":{\"sub\":\"o-1\",\"office_code\":\"JKTUTR\"}}"));
        assertThat(desk.deskOffice()).isEqualTo("JKTUTR");
        assertThat(desk.officer()).isFalse();
        assertThat(desk.officeCode()).isNull();
        assertThat(Staff.ofToken(token("{\"sub\":\"p-1\",\"groups\":[\"applicant\"]}")).deskOffice()).isNull();
    }

    @Test
    void regularApplicantsAtTheDesksOwnOfficeTakeWalkInPlaces() {
        BookingPages.Need regular = new BookingPages.Need("REGULAR", "ELECTRONIC");
        assertThat(regular.atDesk("JKTUTR", "JKTUTR")).isEqualTo(new BookingPages.Need("PRIORITY_WALK_IN", "ELECTRONIC"));
        assertThat(regular.atDesk("JKTUTR", "BDG")).isEqualTo(regular);
        assertThat(regular.atDesk(null, "JKTUTR")).isEqualTo(regular);
        BookingPages.Need sameDay = new BookingPages.Need("SAME_DAY", "ORDINARY");
        assertThat(sameDay.atDesk("JKTUTR", "JKTUTR")).isEqualTo(sameDay);
    }
}
