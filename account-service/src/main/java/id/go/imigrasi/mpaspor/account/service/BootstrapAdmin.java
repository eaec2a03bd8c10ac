package id.go.imigrasi.mpaspor.account.service;

import id.go.imigrasi.mpaspor.account.config.AccountConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;

/** Creates the first admin from configuration ({@code MPASPOR_ADMIN_EMAIL} / {@code MPASPOR_ADMIN_PASSWORD}). */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    private final AccountService accounts;
    private final AccountConfig config;

    public BootstrapAdmin(AccountService accounts, AccountConfig config) {
        this.accounts = accounts;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        var admin = config.bootstrapAdmin();
        if (admin.email().isEmpty() || admin.password().isEmpty()) {
            return;
        }
        String hash = BcryptUtil.bcryptHash(admin.password().get(), config.password().bcryptCost());
        boolean created = VertxContextSupport.subscribeAndAwait(() -> accounts.ensureAdmin(admin.email().get(), hash));
        if (created) {
            LOG.infof("created the first admin account %s", admin.email().get());
        }
    }
}
