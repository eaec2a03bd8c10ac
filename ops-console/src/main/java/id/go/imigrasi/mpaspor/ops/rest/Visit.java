package id.go.imigrasi.mpaspor.ops.rest;

import jakarta.enterprise.context.RequestScoped;

import id.go.imigrasi.mpaspor.ops.Operator;
import id.go.imigrasi.mpaspor.ops.session.OpsSession;

/** This request's session (from its cookie, or new), its operator once verified, and whether the cookie changes. */
@RequestScoped
public class Visit {

    private OpsSession session;
    private Operator operator;
    private boolean secure;
    private boolean changed;

    void begin(OpsSession session, boolean isNew, boolean secure) {
        this.session = session;
        this.secure = secure;
        this.changed = isNew;
    }

    public OpsSession session() {
        return session;
    }

    public void session(OpsSession session) {
        this.session = session;
        this.changed = true;
    }

    public void clear(OpsSession anonymous) {
        this.session = anonymous;
        this.changed = true;
    }

    public Operator operator() {
        return operator;
    }

    void operator(Operator operator) {
        this.operator = operator;
    }

    public boolean secure() {
        return secure;
    }

    boolean changed() {
        return changed;
    }
}
