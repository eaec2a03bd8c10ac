package id.go.imigrasi.mpaspor.ops;

import java.util.Set;

/** Who uses the console: the account of a verified JWT with the group {@code ops} or {@code admin}. */
public record Operator(String accountId, String email, Set<String> groups) {
}
