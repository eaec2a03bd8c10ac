package id.go.imigrasi.mpaspor.account;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.ServiceContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** account-service boots against the real broker and a fresh database and keeps the platform's promises. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "account"))
class AccountServiceContractTest extends ServiceContract {

    @Override
    protected String applicationName() {
        return "account-service";
    }
}
