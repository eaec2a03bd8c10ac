package id.go.imigrasi.mpaspor.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The routing table of the public API, row by row: service, stripped path, public or not, stricter bucket. */
class RouteTableTest {

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
            "POST, /api/v1/accounts, ACCOUNT, /accounts",
            "GET, /api/v1/accounts/me, ACCOUNT, /accounts/me",
            "POST, /api/v1/accounts/me/erasure, ACCOUNT, /accounts/me/erasure",
            "POST, /api/v1/accounts/me/data-exports, ACCOUNT, /accounts/me/data-exports",
            "GET, /api/v1/accounts/me/data-exports/e1/data.pdf, ACCOUNT, /accounts/me/data-exports/e1/data.pdf",
            "GET, /api/v1/admin/erasures, ACCOUNT, /admin/erasures",
            "POST, /api/v1/accounts/me/privacy-consents, ACCOUNT, /accounts/me/privacy-consents",
            "GET, /api/v1/accounts/privacy-notice, ACCOUNT, /accounts/privacy-notice",
            "POST, /api/v1/auth/login, ACCOUNT, /auth/login",
            "GET, /api/v1/admin/officers, ACCOUNT, /admin/officers",
            "PUT, /api/v1/admin/offices/JKT1/capacity, QUOTA, /admin/offices/JKT1/capacity",
            "GET, /api/v1/admin/offices, QUOTA, /admin/offices",
            "GET, /api/v1/admin/offices/JKT1/audit, QUOTA, /admin/offices/JKT1/audit",
            "GET, /api/v1/admin/offices/JKT1/desk-audit, BIOMETRIC, /admin/offices/JKT1/desk-audit",
            "GET, /api/v1/Admin/Offices/JKT1/Desk-Audit, BIOMETRIC, /Admin/Offices/JKT1/Desk-Audit",
            "GET, /api/v1/admin/offices/JKT1/desk-audit/x, QUOTA, /admin/offices/JKT1/desk-audit/x",
            "GET, /api/v1/applications/a1/timeline, APPLICATION, /applications/a1/timeline",
            // the documents' tus uploads are upload-service's (issue 24), not application-service's
            "POST, /api/v1/uploads, UPLOAD, /uploads",
            "GET, /api/v1/uploads/u1, UPLOAD, /uploads/u1",
            "HEAD, /api/v1/uploads/u1, UPLOAD, /uploads/u1",
            "PATCH, /api/v1/uploads/u1, UPLOAD, /uploads/u1",
            "DELETE, /api/v1/uploads/u1, UPLOAD, /uploads/u1",
            "PATCH, /api/v1/Uploads/u1, UPLOAD, /Uploads/u1",
            "POST, /api/v1/office/collective-batches, APPLICATION, /office/collective-batches",
            "GET, /api/v1/office/collective-batches/b1, APPLICATION, /office/collective-batches/b1",
            "GET, /api/v1/office/collective-batchesX, BIOMETRIC, /office/collective-batchesX",
            "GET, /api/v1/offices/JKT1/calendar, QUOTA, /offices/JKT1/calendar",
            "POST, /api/v1/holds, QUOTA, /holds",
            "POST, /api/v1/releases/0b6c3f8e-9d1a-4c2e-8f00-1a2b3c4d5e6f/waiting-room/entries, QUOTA, /releases/0b6c3f8e-9d1a-4c2e-8f00-1a2b3c4d5e6f/waiting-room/entries",
            "GET, /api/v1/release-subscriptions, QUOTA, /release-subscriptions",
            "PUT, /api/v1/offices/JKTSEL/release-subscription, QUOTA, /offices/JKTSEL/release-subscription",
            "POST, /api/v1/bookings/b1/reschedule, QUOTA, /bookings/b1/reschedule",
            "GET, /api/v1/bills/123/invoice.pdf, BILLING, /bills/123/invoice.pdf",
            "GET, /api/v1/fees/quote, BILLING, /fees/quote",
            "GET, /api/v1/document-requirements, APPLICATION, /document-requirements",
            "POST, /api/v1/payments/callbacks/bni, BILLING, /payments/callbacks/bni",
            "GET, /api/v1/reconciliation/2026-11-21, BILLING, /reconciliation/2026-11-21",
            "GET, /api/v1/appointments/p1, BIOMETRIC, /appointments/p1",
            "POST, /api/v1/office/appointments/p1/check-in, BIOMETRIC, /office/appointments/p1/check-in",
            "POST, /api/v1/office/assisted-accounts, ACCOUNT, /office/assisted-accounts",
            "POST, /api/v1/office/assisted-accounts/a1/desk-session, ACCOUNT, /office/assisted-accounts/a1/desk-session",
            "GET, /.well-known/jwks.json, ACCOUNT, /.well-known/jwks.json" })
    void everyRowRoutesToItsServiceWithThePrefixStripped(String method, String path, Upstream upstream,
            String servicePath) {
        Route route = RouteTable.match(method, path).orElseThrow();
        assertThat(route.upstream()).isEqualTo(upstream);
        assertThat(route.upstreamPath()).isEqualTo(servicePath);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, /api/v1/nothing", "GET, /api/v1", "GET, /api/v2/applications", "GET, /applications",
            "GET, /api/v1/officers", "GET, /api/v1/applicationsX", "PATCH, /api/v1/uploadsX/u1",
            "GET, /api/v1/offices/../applications",
            // upload-service's service-to-service document reads (a grant of application-service) are not public
            "GET, /api/v1/documents/0b6a3c1e-1d2f-4c55-9a51-3e2d8f6b7c10", "GET, /api/v1/Documents/x",
            "GET, /api/v1/uploads/../documents/x" })
    void unknownOrSneakyPathsHaveNoRoute(String method, String path) {
        assertThat(RouteTable.match(method, path)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} public={2}")
    @CsvSource({
            "POST, /api/v1/accounts, true",
            "GET, /api/v1/accounts, false",
            "GET, /api/v1/accounts/me, false",
            "POST, /api/v1/accounts/me/erasure, false",
            "GET, /api/v1/accounts/me/data-exports/e1/data.json, false",
            // the privacy notice in force is read before anyone has an account; accepting it needs one (issue 23)
            "GET, /api/v1/accounts/privacy-notice, true",
            "HEAD, /api/v1/accounts/privacy-notice, true",
            "POST, /api/v1/accounts/privacy-notice, false",
            "POST, /api/v1/accounts/me/privacy-consents, false",
            "GET, /api/v1/accounts/me/privacy-consents, false",
            "POST, /api/v1/accounts/verification, true",
            "POST, /api/v1/accounts/otp, true",
            "POST, /api/v1/accounts/password-reset, true",
            "POST, /api/v1/accounts/password-reset/confirm, true",
            "POST, /api/v1/accounts/password, false",
            "POST, /api/v1/auth/login, true",
            "POST, /api/v1/auth/refresh, true",
            "POST, /api/v1/auth/logout, true",
            "GET, /api/v1/auth/logout, false",
            "GET, /api/v1/offices, true",
            "GET, /api/v1/releases/0b6c3f8e-9d1a-4c2e-8f00-1a2b3c4d5e6f/waiting-room, true",
            "GET, /api/v1/releases/0b6c3f8e-9d1a-4c2e-8f00-1a2b3c4d5e6f/waiting-room/position, true",
            "GET, /api/v1/releases/0b6c3f8e-9d1a-4c2e-8f00-1a2b3c4d5e6f/waiting-room/events, true",
            "GET, /api/v1/releases/0b6c3f8e-9d1a-4c2e-8f00-1a2b3c4d5e6f/waiting-room/challenge, false",
            "POST, /api/v1/releases/0b6c3f8e-9d1a-4c2e-8f00-1a2b3c4d5e6f/waiting-room/entries, false",
            "POST, /api/v1/releases/0b6c3f8e-9d1a-4c2e-8f00-1a2b3c4d5e6f/waiting-room/pass, false",
            "GET, /api/v1/offices/JKT1/calendar, true",
            "GET, /api/v1/offices/JKT1/bookings, false",
            "GET, /api/v1/offices/JKT1/Bookings/, false",
            "POST, /api/v1/offices, false",
            "POST, /api/v1/office/collective-batches, false",
            "GET, /api/v1/office/collective-batches/b1, false",
            "POST, /api/v1/payments/callbacks/bni, true",
            "GET, /api/v1/fees, true",
            "GET, /api/v1/fees/quote, true",
            "GET, /api/v1/document-requirements, true",
            "POST, /api/v1/application-status, true",
            "POST, /api/v1/release-subscriptions/unsubscribe, true",
            "GET, /api/v1/release-subscriptions, false",
            "PUT, /api/v1/offices/JKTSEL/release-subscription, false",
            "DELETE, /api/v1/offices/JKTSEL/release-subscription, false",
            "POST, /api/v1/Application-Status, true",
            "GET, /api/v1/application-status, false",
            "POST, /api/v1/application-status/x, false",
            "POST, /api/v1/fees, false",
            "GET, /api/v1/payments, false",
            "GET, /api/v1/applications, false",
            "GET, /api/v1/office/appointments, false",
            "POST, /api/v1/office/assisted-accounts, false",
            "GET, /api/v1/admin/offices, false",
            "GET, /api/v1/admin/offices/JKT1/desk-audit, false",
            "GET, /.well-known/jwks.json, true" })
    void onlyTheListedRoutesArePublic(String method, String path, boolean isPublic) {
        assertThat(RouteTable.match(method, path).orElseThrow().isPublic()).isEqualTo(isPublic);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "POST, /api/v1/auth/login, LOGIN",
            "POST, /api/v1/auth/refresh, LOGIN",
            "POST, /api/v1/accounts/otp, OTP",
            "POST, /api/v1/accounts/verification, OTP",
            "POST, /api/v1/accounts, REGISTRATION",
            "POST, /api/v1/accounts/password-reset, PASSWORD_RESET",
            "POST, /api/v1/accounts/password-reset/confirm, PASSWORD_RESET",
            "POST, /api/v1/application-status, STATUS_CHECK",
            "POST, /api/v1/APPLICATION-STATUS, STATUS_CHECK" })
    void sensitiveAnonymousEndpointsHaveAStricterBucket(String method, String path, LimitCategory category) {
        assertThat(RouteTable.match(method, path).orElseThrow().limitCategory()).contains(category);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({ "GET, /api/v1/accounts/me", "GET, /api/v1/offices", "POST, /api/v1/applications" })
    void ordinaryEndpointsHaveOnlyTheGeneralBuckets(String method, String path) {
        assertThat(RouteTable.match(method, path).orElseThrow().limitCategory()).isEqualTo(Optional.empty());
    }
}
