package id.go.imigrasi.mpaspor.gateway;

import id.go.imigrasi.mpaspor.gateway.support.FakeUpstreams;
import id.go.imigrasi.mpaspor.gateway.support.Management;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.ServiceContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway keeps the platform's promises, asserted by the tests it inherits from {@link ServiceContract}: it boots
 * without database or Kafka, it is ready (its own readiness, on the management interface), its OpenAPI is served,
 * unknown paths and bad input are problem+json and never 5xx (the shared bad-input fuzz). The overrides only say where
 * the gateway serves these: /q/* on the management port, its own OpenAPI at /docs/gateway-openapi.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GatewayContractTest extends ServiceContract {

    @Override
    protected String applicationName() {
        return "gateway";
    }

    @Override
    protected boolean hasDatabaseAndKafka() {
        return false;
    }

    @Override
    protected String managementUrl(String path) {
        return Management.url(path);
    }

    @Override
    protected String openApiUrl() {
        return "/docs/gateway-openapi";
    }
}
