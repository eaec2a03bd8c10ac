package id.go.imigrasi.mpaspor.gateway;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.ServiceContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The gateway boots and keeps the platform's promises (it has neither database nor Kafka). */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
class GatewayContractTest extends ServiceContract {

    @Override
    protected String applicationName() {
        return "gateway";
    }

    @Override
    protected boolean hasDatabaseAndKafka() {
        return false;
    }
}
