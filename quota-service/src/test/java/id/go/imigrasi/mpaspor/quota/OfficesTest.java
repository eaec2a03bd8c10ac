package id.go.imigrasi.mpaspor.quota;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The office catalogue: real offices in all three time zones, nearest first from the phone's location. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "quota"))
class OfficesTest {

    @Test
    void catalogueHasAtLeastThirtyOfficesAcrossTheThreeTimeZones() {
        var offices = given().when().get("/offices").then().statusCode(200).extract().jsonPath();
        assertThat(offices.getList("code")).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates();
        assertThat(offices.getList("timeZone", String.class)).contains("WIB", "WITA", "WIT");
        assertThat(offices.getList("name", String.class)).allMatch(n -> n.startsWith("Kantor Imigrasi"));
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
}
