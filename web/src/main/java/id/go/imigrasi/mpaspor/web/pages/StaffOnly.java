package id.go.imigrasi.mpaspor.web.pages;

/** A page of the office desk or the admin console asked by someone without that role: a 403 page, nothing else. */
public class StaffOnly extends RuntimeException {

    private final String role;

    public StaffOnly(String role) {
        super(null, null, false, false);
        this.role = role;
    }

    public String role() {
        return role;
    }
}
