package id.go.imigrasi.mpaspor.gateway.edge;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import id.go.imigrasi.mpaspor.gateway.config.GatewayConfig;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import id.go.imigrasi.mpaspor.gateway.exchange.ClientAddress;

/**
 * Who the client is, given the direct peer of the connection and the {@code X-Forwarded-For} chain, trusting
 * only the proxies of {@code mpaspor.gateway.trusted-proxies} (addresses and CIDR ranges, IPv4 and IPv6; empty
 * = trust nobody). The standard algorithm (nginx {@code real_ip_recursive}, Spring's
 * {@code ForwardedHeaderFilter}): the header counts only when the peer is a trusted proxy; then the chain is
 * walked from the right, skipping trusted proxies, and the first untrusted address is the client. A malformed
 * entry ends the walk: what lies left of it cannot be vouched for, so the client is the last trusted hop.
 * Matching is Netty's {@link IpSubnetFilterRule}; addresses are parsed as literals only, never resolved (no DNS
 * lookup on a header a client wrote).
 */
@Singleton
public class TrustedProxies {

    /** An entry longer than this is not an address (the longest, a bracketed IPv6 with a port, is 47). */
    private static final int MAX_ENTRY_LENGTH = 64;

    private final List<IpSubnetFilterRule> rules;

    @Inject
    public TrustedProxies(GatewayConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    /**
     * @param entries addresses ({@code 10.0.0.5}, {@code ::1}) and CIDR ranges ({@code 10.0.0.0/8},
     *        {@code fd00::/8}); a malformed entry fails the start, it never silently trusts less or more
     */
    public TrustedProxies(List<String> entries) {
        List<IpSubnetFilterRule> parsed = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.trim();
            if (!entry.isEmpty()) {
                parsed.add(rule(entry));
            }
        }
        this.rules = List.copyOf(parsed);
    }

    private static IpSubnetFilterRule rule(String entry) {
        int slash = entry.indexOf('/');
        String literal = slash < 0 ? entry : entry.substring(0, slash);
        InetAddress address = NetUtil.createInetAddressFromIpAddressString(literal);
        if (address == null) {
            throw new IllegalArgumentException("mpaspor.gateway.trusted-proxies: '" + entry
                    + "' is neither an IP address nor a CIDR range");
        }
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("mpaspor.gateway.trusted-proxies: '" + entry
                        + "' has a prefix length outside 0.." + bits);
            }
        }
        return new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT);
    }

    /** Whether {@code address} is one of the trusted proxies. */
    public boolean trusts(InetAddress address) {
        if (address == null || rules.isEmpty()) {
            return false;
        }
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        for (IpSubnetFilterRule rule : rules) {
            if (rule.matches(socket)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client of a request from {@code peer} (the connection's remote IP) carrying {@code forwardedFor} (the
     * values of every {@code X-Forwarded-For} header, in order; may be empty).
     */
    public ClientAddress resolve(String peer, List<String> forwardedFor) {
        InetAddress peerAddress = peer == null ? null : parseEntry(peer);
        if (peerAddress == null) {
            // not an IP connection (a unix socket in a test): nothing to trust, nothing to learn
            String known = peer == null ? ClientAddress.UNKNOWN : peer;
            return new ClientAddress(known, known, false, known);
        }
        String peerText = NetUtil.toAddressString(peerAddress);
        if (!trusts(peerAddress)) {
            // whatever the client wrote in the header is ignored: it cannot choose its bucket
            return new ClientAddress(peerText, peerText, false, peerText);
        }
        List<String> chain = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String part : value.split(",", -1)) {
                String entry = part.trim();
                if (!entry.isEmpty()) {
                    chain.add(entry);
                }
            }
        }
        InetAddress client = peerAddress;
        for (int i = chain.size() - 1; i >= 0; i--) {
            InetAddress hop = parseEntry(chain.get(i));
            if (hop == null) {
                break;
            }
            client = hop;
            if (!trusts(hop)) {
                break;
            }
        }
        // as a proxy does: the chain the trusted proxy sent, plus the proxy itself
        String upstream = chain.isEmpty() ? peerText : String.join(", ", chain) + ", " + peerText;
        return new ClientAddress(NetUtil.toAddressString(client), peerText, true, upstream);
    }

    /**
     * One entry of the chain as an address: {@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code 2001:db8::1},
     * {@code [2001:db8::1]}, {@code [2001:db8::1]:443}; null for anything else ({@code unknown}, a host name,
     * an obfuscated identifier, garbage).
     */
    static InetAddress parseEntry(String entry) {
        if (entry.isEmpty() || entry.length() > MAX_ENTRY_LENGTH) {
            return null;
        }
        String literal = entry;
        if (literal.charAt(0) == '[') {
            int close = literal.indexOf(']');
            if (close < 0 || (close != literal.length() - 1 && !validPort(literal, close + 1))) {
                return null;
            }
            literal = literal.substring(1, close);
            return NetUtil.isValidIpV6Address(literal) ? NetUtil.createInetAddressFromIpAddressString(literal) : null;
        }
        int colon = literal.indexOf(':');
        if (colon >= 0 && colon == literal.lastIndexOf(':')) {
            // one colon: IPv4 with a port
            if (!validPort(literal, colon)) {
                return null;
            }
            literal = literal.substring(0, colon);
            return NetUtil.isValidIpV4Address(literal) ? NetUtil.createInetAddressFromIpAddressString(literal) : null;
        }
        return NetUtil.isValidIpV4Address(literal) || NetUtil.isValidIpV6Address(literal)
                ? NetUtil.createInetAddressFromIpAddressString(literal)
                : null;
    }

    /** {@code text} from {@code colon} on is {@code :} and a port number. */
    private static boolean validPort(String text, int colon) {
        if (text.charAt(colon) != ':' || colon + 1 >= text.length() || text.length() - colon - 1 > 5) {
            return false;
        }
        for (int i = colon + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return Integer.parseInt(text.substring(colon + 1)) <= 65535;
    }
}
