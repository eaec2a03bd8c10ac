package id.go.imigrasi.mpaspor.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/** The service's own consumers (the connector's, as configured) join their groups as static members. */
@QuarkusTest
@TestProfile(ConsumerMembershipTest.StaticMembers.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "platform_members"))
class ConsumerMembershipTest {

    public static class StaticMembers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mpaspor.consumers.static-membership", "true",
                    "mpaspor.consumers.instance-id", "platform-test-7");
        }
    }

    @Inject
    KafkaClientService kafka;

    @Test
    void everyConsumerOfTheServiceHasAStableInstanceIdOfItsOwn() {
        Map<String, ?> config = kafka.getConsumer("billing-in").configuration();
        assertThat(config.get("group.id")).isEqualTo("platform-test");
        assertThat(config.get("group.instance.id")).as("static member, named by instance and consumer")
                .isEqualTo("platform-test-7." + config.get("client.id"));
    }

    @Test
    void aCopyOfAConcurrentChannelGetsAnIdKafkaAccepts() {
        // SmallRye names the copies of a channel with concurrency > 1 "<channel>$<n>"; Kafka refuses '$'
        Map<String, Object> config = ConsumerMembership.withStaticMembership(
                Map.of("group.id", "application-service", "value.deserializer", "x"), "localhost-8082",
                "quota-events$1");
        assertThat(config.get("group.instance.id")).isEqualTo("localhost-8082.quota-events_1");
        assertThat(config.get("group.instance.id").toString()).matches("[A-Za-z0-9._-]+");
    }

    @Test
    void withoutAConfiguredIdTheInstanceIsNamedByHostAndPort() {
        assertThat(ConsumerMembership.defaultInstanceId("billing-7f9c", 8084)).isEqualTo("billing-7f9c-8084");
        assertThat(ConsumerMembership.defaultInstanceId(null, 8084)).isEqualTo("localhost-8084");
    }
}
