package id.go.imigrasi.mpaspor.platform.kafka;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** {@code mpaspor.consumers.*}; defaults in the platform's microprofile-config.properties. */
@ConfigMapping(prefix = "mpaspor.consumers")
public interface ConsumerMembershipConfig {

    /** Whether the service's consumers join their groups as static members ({@code group.instance.id}). */
    boolean staticMembership();

    /**
     * This instance's stable name, unique among the instances of the service and the same after a restart
     * ({@code MPASPOR_INSTANCE_ID}). Unset: host name and HTTP port.
     */
    Optional<String> instanceId();
}
