package id.go.imigrasi.mpaspor.quota;

import static id.go.imigrasi.mpaspor.quota.support.Quota.weekday;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.quota.support.Quota;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 22, the office directory (migration V80): every Kantor Imigrasi and its units (ULP, MPP counter, UKK), each
 * in the time zone of its province and longitude, each unit under a Kantor; filters by province, kind and electronic
 * passports; nearest first from {@code near=lat,lon}; bad filters are field errors. The 46 offices other services and
 * tests name keep their codes.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "quota"))
class OfficeDirectoryTest {

    /** The codes of V2, named by other services, the e2e journeys and the load scripts: they never change. */
    private static final List<String> SEEDED = List.of("BNA", "MDN", "PDG", "PKU", "BTM", "JMB", "PLM", "BKL", "BDL",
            "SRG", "TGR", "SOETTA", "JKTSEL", "JKTPUS", "JKTUTR", "JKTBAR", "JKTTIM", "BKS", "DPK", "BGR", "BDG", "SMG",
            "YGY", "SKA", "SBY", "TPRK", "MLG", "PNK", "PKY", "DPS", "NGR", "MTR", "KPG", "BJM", "BPN", "SMD", "MKS",
            "PLU", "KDI", "MND", "AMB", "TTE", "SOQ", "TIM", "MKQ", "DJJ");

    /** Indonesia's three zones by province (Permen/Keppres 41/1987), with the IANA zones V1 allows for each. */
    private static final List<String> WIT_PROVINCES = List.of("Maluku", "Maluku Utara", "Papua", "Papua Barat",
            "Papua Barat Daya", "Papua Tengah", "Papua Pegunungan", "Papua Selatan");
    private static final List<String> WITA_PROVINCES = List.of("Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur",
            "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara", "Gorontalo",
            "Sulawesi Tengah", "Sulawesi Barat", "Sulawesi Selatan", "Sulawesi Tenggara");

    @Test
    void theDirectoryHasEveryKindOfOfficeAndKeepsTheSeededCodes() {
        JsonPath all = given().when().get("/offices").then().statusCode(200).extract().jsonPath();
        List<String> codes = all.getList("code", String.class);
        assertThat(codes).doesNotHaveDuplicates().containsAll(SEEDED);
        Map<String, Long> perKind = all.getList("kind", String.class).stream()
                .collect(Collectors.groupingBy(k -> k, Collectors.counting()));
        assertThat(perKind).containsEntry("KANTOR", 120L).containsEntry("ULP", 3L).containsEntry("MPP", 5L)
                .containsEntry("UKK", 3L).hasSize(4);
        assertThat(codes).hasSize(131);
        for (String kind : List.of("KANTOR", "ULP", "MPP", "UKK")) {
            JsonPath ofKind = given().queryParam("kind", kind.toLowerCase()).when().get("/offices").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(ofKind.getList("kind", String.class)).as(kind).hasSize(perKind.get(kind).intValue())
                    .containsOnly(kind);
        }
        // the Kantor are named so; every row says where it comes from; nothing guessed is shown as known
        JsonPath kantor = given().queryParam("kind", "KANTOR").when().get("/offices").then().extract().jsonPath();
        assertThat(kantor.getList("name", String.class)).allMatch(n -> n.startsWith("Kantor Imigrasi"));
        assertThat(all.getList("source", String.class)).allMatch(s -> s.contains("to be checked"));
        assertThat(all.getList("province", String.class)).doesNotContainNull().allMatch(p -> !p.isBlank());
        // every office (new ones too) has V70's default week, and a service line to book
        for (int i = 0; i < codes.size(); i++) {
            assertThat(all.getList("[" + i + "].hours.weekday", Integer.class)).as(codes.get(i))
                    .contains(1, 2, 3, 4, 5).doesNotContain(7);
            assertThat(all.getList("[" + i + "].services", String.class)).as(codes.get(i)).contains("REGULAR");
        }
    }

    @Test
    void everyOfficeIsInTheZoneOfItsProvinceAndOfItsLongitude() {
        JsonPath all = given().when().get("/offices").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> offices = all.getList("$");
        for (Map<String, Object> o : offices) {
            String code = (String) o.get("code");
            String province = (String) o.get("province");
            String zone = (String) o.get("timeZone");
            double lon = ((Number) o.get("longitude")).doubleValue();
            double lat = ((Number) o.get("latitude")).doubleValue();
            String expected = WIT_PROVINCES.contains(province) ? "WIT"
                    : WITA_PROVINCES.contains(province) ? "WITA" : "WIB";
            assertThat(zone).as(code + " in " + province).isEqualTo(expected);
            // Indonesia spans 95 E to 141 E, 6 N to 11 S; each zone's offices lie in its band of longitude
            assertThat(lat).as(code).isBetween(-11.0, 6.5);
            switch (zone) {
                case "WIB" -> assertThat(lon).as(code).isBetween(95.0, 116.0);
                case "WITA" -> assertThat(lon).as(code).isBetween(114.0, 127.0);
                case "WIT" -> assertThat(lon).as(code).isBetween(124.0, 141.1);
                default -> throw new AssertionError(code + ": unknown zone " + zone);
            }
        }
        // the IANA zone (what "today" at the office is computed with) agrees: Quota.value reads the committed rows
        assertThat(Quota.count("SELECT count(*) FROM office WHERE NOT ("
                + " (time_zone = 'WIB' AND zone_id IN ('Asia/Jakarta', 'Asia/Pontianak'))"
                + " OR (time_zone = 'WITA' AND zone_id = 'Asia/Makassar')"
                + " OR (time_zone = 'WIT' AND zone_id = 'Asia/Jayapura'))")).isZero();
        // West and Central Kalimantan are WIB on the Pontianak zone, Java and Sumatra on Jakarta's
        assertThat(Quota.count("SELECT count(*) FROM office WHERE province IN ('Kalimantan Barat', 'Kalimantan Tengah')"
                + " AND zone_id <> 'Asia/Pontianak'")).isZero();
        assertThat(Quota.count("SELECT count(*) FROM office WHERE zone_id = 'Asia/Pontianak'"
                + " AND province NOT IN ('Kalimantan Barat', 'Kalimantan Tengah')")).isZero();
    }

    @Test
    void everyUnitBelongsToAKantorWhichListsIt() {
        JsonPath units = given().when().get("/offices").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> all = units.getList("$");
        Map<String, String> kindOf = all.stream()
                .collect(Collectors.toMap(o -> (String) o.get("code"), o -> (String) o.get("kind")));
        int seen = 0;
        for (Map<String, Object> o : all) {
            String code = (String) o.get("code");
            if ("KANTOR".equals(o.get("kind"))) {
                assertThat(o.get("parentOffice")).as(code).isNull();
                continue;
            }
            seen++;
            String parent = (String) o.get("parentOffice");
            assertThat(kindOf.get(parent)).as(code + " under " + parent).isEqualTo("KANTOR");
            JsonPath kantor = given().when().get("/offices/" + parent).then().statusCode(200).extract().jsonPath();
            assertThat(kantor.getList("units.code", String.class)).as(parent).contains(code);
            assertThat(kantor.getList("hours")).isNotEmpty();
        }
        assertThat(seen).isEqualTo(11);
        // a unit offers the regular line only (its weekday rules), a Kantor all three
        var jaksel = given().when().get("/offices/JKTSEL").then().statusCode(200).extract().jsonPath();
        assertThat(jaksel.getList("units.code", String.class)).containsExactly("MPPDKI", "ULPKOKAS");
        assertThat(jaksel.getString("kind")).isEqualTo("KANTOR");
        assertThat(jaksel.getList("passportKinds", String.class)).containsExactly("ORDINARY", "ELECTRONIC");
        var mpp = given().when().get("/offices/MPPDKI").then().statusCode(200).extract().jsonPath();
        assertThat(mpp.getString("parentOffice")).isEqualTo("JKTSEL");
        assertThat(mpp.getList("services", String.class)).containsExactly("REGULAR");
        assertThat(mpp.getList("passportKinds", String.class)).containsExactly("ORDINARY");
        assertThat(mpp.getList("units")).isEmpty();
        // the database holds the rule too: a Kantor has no parent, a unit has one
        assertThat(Quota.count("SELECT count(*) FROM office WHERE (unit_kind = 'KANTOR') <> (parent_office IS NULL)"))
                .isZero();
    }

    @Test
    void filtersByProvinceKindAndElectronicPassports() {
        JsonPath jatim = given().queryParam("province", "jawa TIMUR").when().get("/offices").then().statusCode(200)
                .extract().jsonPath();
        assertThat(jatim.getList("province", String.class)).isNotEmpty().containsOnly("Jawa Timur");
        assertThat(jatim.getList("code", String.class)).contains("SBY", "TPRK", "MLG", "BWI", "MPPBWI")
                .doesNotContain("JKTSEL");

        JsonPath noEPassport = given().queryParam("ePassport", "false").when().get("/offices").then().statusCode(200)
                .extract().jsonPath();
        assertThat(noEPassport.getList("ePassport", Boolean.class)).isNotEmpty().containsOnly(false);
        assertThat(noEPassport.getList("kind", String.class)).doesNotContain("KANTOR");
        assertThat(noEPassport.getList("passportKinds", List.class)).allMatch(k -> k.equals(List.of("ORDINARY")));
        JsonPath ePassport = given().queryParam("ePassport", "TRUE").when().get("/offices").then().statusCode(200)
                .extract().jsonPath();
        assertThat(ePassport.getList("ePassport", Boolean.class)).containsOnly(true);
        assertThat(ePassport.getList("code").size() + noEPassport.getList("code").size()).isEqualTo(131);

        // filters combine; none matching is an empty list, not an error
        JsonPath mppInJatim = given().queryParam("province", "Jawa Timur").queryParam("kind", "MPP").when()
                .get("/offices").then().statusCode(200).extract().jsonPath();
        assertThat(mppInJatim.getList("code", String.class)).containsExactly("MPPBWI");
        given().queryParam("province", "Atlantis").when().get("/offices").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void nearSortsByDistanceLikeLatAndLon() {
        // Tugu Pahlawan, Surabaya
        JsonPath near = given().queryParam("near", "-7.2458,112.7378").when().get("/offices").then().statusCode(200)
                .extract().jsonPath();
        List<Float> distances = near.getList("distanceKm", Float.class);
        assertThat(near.getString("[0].code")).isEqualTo("TPRK");
        assertThat(distances).hasSize(131).isSorted();
        assertThat(distances.get(0)).isBetween(5f, 10f);
        JsonPath latLon = given().queryParam("lat", "-7.2458").queryParam("lon", "112.7378").when().get("/offices")
                .then().statusCode(200).extract().jsonPath();
        assertThat(latLon.getList("code")).isEqualTo(near.getList("code"));
        // Waisai, Raja Ampat: the UKK there comes first, then its Kantor in Sorong
        JsonPath rajaAmpat = given().queryParam("near", "-0.43,130.82").queryParam("kind", "UKK").when()
                .get("/offices").then().statusCode(200).extract().jsonPath();
        assertThat(rajaAmpat.getString("[0].code")).isEqualTo("UKKWAISAI");
        assertThat(rajaAmpat.getList("distanceKm", Float.class)).isSorted();
        // Kemang, Jakarta Selatan: the e2e journey's "nearest office" is still the Kantor, no unit is nearer
        given().queryParam("near", "-6.2607,106.8106").when().get("/offices").then().statusCode(200)
                .body("[0].code", equalTo("JKTSEL"));
    }

    @Test
    void unknownOfficeIsANotFoundProblem() {
        given().header("Accept-Language", "en").when().get("/offices/ATLANTIS").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/office-not-found"))
                .body("detail", equalTo("There is no immigration office with code ATLANTIS."));
    }

    @Test
    void badFiltersAreFieldErrors() {
        badFilter("kind", "CASTLE", "kind", "validation.wrong-type");
        badFilter("ePassport", "maybe", "ePassport", "validation.wrong-type");
        badFilter("near", "abc", "near", "quota.near-format");
        badFilter("near", "-6.2,106.8,1", "near", "quota.near-format");
        badFilter("near", "-6.2,", "near", "quota.near-format");
        badFilter("near", "x,106.8", "near", "validation.wrong-type");
        badFilter("near", "-95,106.8", "near", "quota.out-of-range");
        badFilter("province", "<script>", "province", "quota.province-format");
        given().queryParam("near", "-6.2,106.8").queryParam("lat", "-6.2").queryParam("lon", "106.8").when()
                .get("/offices").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("near")).body("errors[0].code", equalTo("quota.location-twice"));
    }

    @Test
    void anOfficeWithoutElectronicPassportsReleasesNoElectronicPlaces() {
        String office = "MPPKBGR";
        LocalDate date = weekday(43);
        Quota.release(office, date, date, Instant.now().minusSeconds(1)).statusCode(201);
        String ordinary = given().queryParam("from", date.toString()).queryParam("to", date.toString()).when()
                .get("/offices/" + office + "/calendar").then().statusCode(200).extract()
                .path("days[0].sessions[0].status");
        assertThat(ordinary).isEqualTo("AVAILABLE");
        String electronic = given().queryParam("from", date.toString()).queryParam("to", date.toString())
                .queryParam("passportKind", "ELECTRONIC").when().get("/offices/" + office + "/calendar").then()
                .statusCode(200).extract().path("days[0].sessions[0].status");
        assertThat(electronic).isEqualTo("CLOSED");
        String nik = Quota.nik();
        String account = Quota.account();
        Quota.applicants(account, List.of(nik));
        given().auth().oauth2(id.go.imigrasi.mpaspor.testkit.TestJwt.applicant(account))
                .contentType("application/json")
                .body(Map.of("officeCode", office, "date", date.toString(), "session", "MORNING", "service", "REGULAR",
                        "niks", List.of(nik), "passportKind", "ELECTRONIC"))
                .when().post("/holds").then().statusCode(409)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/e-passport-closed"));
    }

    private static void badFilter(String name, String value, String field, String code) {
        given().queryParam(name, value).when().get("/offices").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field))
                .body("errors[0].code", equalTo(code));
    }
}
