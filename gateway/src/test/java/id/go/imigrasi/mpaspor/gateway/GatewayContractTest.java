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
 * The gateway boots and keeps the platform's promises (it has neither database nor Kafka): ready because every
 * (fake) service answers its liveness, its OpenAPI is the aggregate, unknown paths are problem+json.
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
