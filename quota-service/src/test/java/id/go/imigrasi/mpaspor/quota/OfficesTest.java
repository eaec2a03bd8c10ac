package id.go.imigrasi.mpaspor.quota;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.quota.support.Quota;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The office catalogue: real offices in all three time zones, nearest first from the phone's location, each with its
 * opening hours and the service lines its capacity rules (or the configured defaults) offer.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "quota"))
class OfficesTest {

    @Test
    void catalogueHasAtLeastThirtyOfficesAcrossTheThreeTimeZones() {
        var offices = given().when().get("/offices").then().statusCode(200).extract().jsonPath();
        assertThat(offices.getList("code")).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates();
        assertThat(offices.getList("timeZone", String.class)).contains("WIB", "WITA", "WIT");
        // the directory also lists the units a Kantor runs (ULP, MPP, UKK: OfficeDirectoryTest); the Kantor are named so
        var kantor = given().queryParam("kind", "KANTOR").when().get("/offices").then().statusCode(200).extract()
                .jsonPath();
        assertThat(kantor.getList("name", String.class)).allMatch(n -> n.startsWith("Kantor Imigrasi"));
    }

    @Test
    void nearestOfficeComesFirstWithItsDistance() {
        // Monas, Jakarta Pusat
        var near = given().queryParam("lat", "-6.1754").queryParam("lon", "106.8272")
                .when().get("/offices").then().statusCode(200).extract().jsonPath();
        assertThat(near.getString("[0].code")).isEqualTo("JKTPUS");
        List<Float> distances = near.getList("distanceKm", Float.class);
        assertThat(distances.get(0)).isBetween(1f, 5f);
        assertThat(distances).isSorted();
        // Renon, Denpasar
        given().queryParam("lat", "-8.6705").queryParam("lon", "115.2260")
                .when().get("/offices").then().statusCode(200).body("[0].code", equalTo("DPS"))
                .body("[0].timeZone", equalTo("WITA"));
        // Jayapura
        given().queryParam("lat", "-2.5330").queryParam("lon", "140.7180")
                .when().get("/offices").then().statusCode(200).body("[0].code", equalTo("DJJ"))
                .body("[0].timeZone", equalTo("WIT"));
    }

    @Test
    void badLocationIsAFieldErrorNotAFailure() {
        given().queryParam("lat", "abc").queryParam("lon", "106.8")
                .when().get("/offices").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("lat")).body("errors[0].code", equalTo("validation.wrong-type"));
        given().queryParam("lat", "95").queryParam("lon", "106.8")
                .when().get("/offices").then().statusCode(400).body("errors[0].field", equalTo("lat"))
                .body("errors[0].code", equalTo("quota.out-of-range"));
        given().queryParam("lat", "-6.2").when().get("/offices").then().statusCode(400)
                .body("errors[0].field", equalTo("lon"));
    }

    @Test
    void unknownOfficeIsNotFound() {
        given().header("Accept-Language", "en").when().get("/offices/NOPE").then().statusCode(404)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/office-not-found"))
                .body("detail", equalTo("There is no immigration office with code NOPE."));
        given().when().get("/offices/NOPE/calendar").then().statusCode(404)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/office-not-found"));
    }

    @Test
    void aSeededOfficeIsOpenMondayToFridayWithFridaysPrayerBreakAndClosedAtTheWeekend() {
        var bandung = given().when().get("/offices/BDG").then().statusCode(200).extract().jsonPath();
        assertThat(intervals(bandung, "")).containsExactly(
                "1 08:00-16:00", "2 08:00-16:00", "3 08:00-16:00", "4 08:00-16:00",
                "5 08:00-11:30", "5 13:00-16:00");
    }

    @Test
    void aBigOfficeAlsoOpensOnSaturdayMorning() {
        var jakartaSelatan = given().when().get("/offices/JKTSEL").then().statusCode(200).extract().jsonPath();
        assertThat(intervals(jakartaSelatan, "")).contains("5 08:00-11:30", "5 13:00-16:00", "6 08:00-12:00")
                .noneMatch(i -> i.startsWith("7 "));
    }

    @Test
    void everyOfficeInTheListHasItsHoursAndServicesAndTheListIsStillNearestFirst() {
        // Tugu Pahlawan, Surabaya
        var near = given().queryParam("lat", "-7.2458").queryParam("lon", "112.7378")
                .when().get("/offices").then().statusCode(200).extract().jsonPath();
        assertThat(near.getString("[0].code")).isEqualTo("TPRK");
        assertThat(near.getList("distanceKm", Float.class)).isSorted();
        List<String> codes = near.getList("code", String.class);
        assertThat(codes).hasSizeGreaterThanOrEqualTo(30);
        for (int i = 0; i < codes.size(); i++) {
            String office = "[" + i + "].";
            assertThat(intervals(near, office)).as(codes.get(i)).contains("1 08:00-16:00", "5 08:00-11:30")
                    .noneMatch(h -> h.startsWith("7 "));
            assertThat(near.getList(office + "services", String.class)).as(codes.get(i)).contains("REGULAR");
        }
        // the list and the office agree
        int sby = codes.indexOf("SBY");
        var surabaya = given().when().get("/offices/SBY").then().statusCode(200).extract().jsonPath();
        assertThat(intervals(near, "[" + sby + "].")).isEqualTo(intervals(surabaya, "")).contains("6 08:00-12:00");
        assertThat(near.getList("[" + sby + "].services", String.class))
                .isEqualTo(surabaya.getList("services", String.class));
    }

    @Test
    void theServicesFollowTheAdminsRulesAndFallBackToTheDefaults() {
        String office = "KPG";
        String admin = Quota.admin();
        Map<String, Object> before = given().auth().oauth2(admin).when().get("/admin/offices/" + office + "/rules")
                .then().statusCode(200).extract().as(Map.class);
        try {
            // no rules: the configured defaults (every line has places in application.properties)
            putRules(admin, office, "[]");
            assertThat(services(office)).containsExactly("REGULAR", "SAME_DAY", "PRIORITY_WALK_IN");

            // same-day at zero on every day it has a rule for: no longer offered, here and in the list
            StringBuilder rules = new StringBuilder("[");
            for (int day = 1; day <= 5; day++) {
                rules.append(day == 1 ? "" : ",").append(rule(day, "REGULAR", "MORNING", 40))
                        .append(',').append(rule(day, "REGULAR", "AFTERNOON", 30))
                        .append(',').append(rule(day, "SAME_DAY", "MORNING", 0))
                        .append(',').append(rule(day, "PRIORITY_WALK_IN", "MORNING", 5));
            }
            putRules(admin, office, rules.append(']').toString());
            assertThat(services(office)).containsExactly("REGULAR", "PRIORITY_WALK_IN");
            var all = given().when().get("/offices").then().statusCode(200).extract().jsonPath();
            int kupang = all.getList("code", String.class).indexOf(office);
            assertThat(all.getList("[" + kupang + "].services", String.class))
                    .containsExactly("REGULAR", "PRIORITY_WALK_IN");

            // one day of same-day places is enough to offer it again
            putRules(admin, office, "[" + rule(1, "REGULAR", "MORNING", 40) + ","
                    + rule(3, "SAME_DAY", "AFTERNOON", 3) + "]");
            assertThat(services(office)).containsExactly("REGULAR", "SAME_DAY");

            // rules that all give nothing: nothing is offered (the defaults are only for an office without rules)
            putRules(admin, office, "[" + rule(1, "REGULAR", "MORNING", 0) + "]");
            assertThat(services(office)).isEmpty();
        } finally {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(before)
                    .when().put("/admin/offices/" + office + "/rules").then().statusCode(200);
        }
    }

    /** The office's opening intervals as {@code "5 08:00-11:30"}, in the order the API gives them. */
    private static List<String> intervals(JsonPath office, String prefix) {
        List<Map<String, Object>> hours = office.getList(prefix + "hours");
        return hours.stream().map(h -> h.get("weekday") + " " + h.get("opens") + "-" + h.get("closes")).toList();
    }

    private static List<String> services(String office) {
        return given().when().get("/offices/" + office).then().statusCode(200).extract().jsonPath()
                .getList("services", String.class);
    }

    private static String rule(int weekday, String service, String session, int capacity) {
        return "{\"weekday\":" + weekday + ",\"service\":\"" + service + "\",\"session\":\"" + session
                + "\",\"capacity\":" + capacity + "}";
    }

    private static void putRules(String admin, String office, String rules) {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"rules\":" + rules + "}")
                .when().put("/admin/offices/" + office + "/rules").then().statusCode(200);
    }
}
