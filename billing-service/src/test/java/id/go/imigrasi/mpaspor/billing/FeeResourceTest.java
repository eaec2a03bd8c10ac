package id.go.imigrasi.mpaspor.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The fee calculator's source: the tariff bills are priced with, public, with field errors for what it cannot price. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "billing"))
class FeeResourceTest {

    @Test
    void thePriceListIsPublicAndIsTheTariffs() {
        given().when().get("/fees").then().statusCode(200).body("currency", equalTo("IDR"))
                .body("passports", hasSize(4)).body("sameDaySurcharge", equalTo(1_000_000))
                .body("minorMaxValidityYears", equalTo(5))
                .body("passports.find { it.passportKind == 'ELECTRONIC' && it.validityYears == 10 }.amount",
                        equalTo(950_000));
    }

    @Test
    void aQuoteIsPricedAsTheBillWillBe() {
        given().queryParam("passportKind", "ELECTRONIC").queryParam("validityYears", "10").queryParam("sameDay", "true")
                .when().get("/fees/quote").then().statusCode(200).body("total", equalTo(1_950_000))
                .body("lines.item", hasItem("SAME_DAY_SERVICE")).body("lines", hasSize(2));
    }

    @Test
    void whatTheTariffCannotPriceIsAFieldErrorNever500() {
        given().queryParam("passportKind", "DIPLOMATIC").queryParam("validityYears", "5").when().get("/fees/quote")
                .then().statusCode(400).body("errors[0].field", equalTo("passportKind"));
        given().queryParam("passportKind", "ORDINARY").queryParam("validityYears", "7").when().get("/fees/quote")
                .then().statusCode(400).body("errors[0].field", equalTo("validityYears"));
        given().queryParam("passportKind", "ORDINARY").queryParam("validityYears", "10")
                .queryParam("birthDate", LocalDate.now().minusYears(9).toString()).when().get("/fees/quote")
                .then().statusCode(400).body("errors[0].field", equalTo("validityYears"));
        given().queryParam("passportKind", "ORDINARY").queryParam("validityYears", "5").queryParam("birthDate", "kemarin")
                .when().get("/fees/quote").then().statusCode(400).body("errors[0].field", equalTo("birthDate"));
    }
}
