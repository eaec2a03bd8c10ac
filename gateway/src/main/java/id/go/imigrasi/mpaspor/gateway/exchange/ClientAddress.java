package id.go.imigrasi.mpaspor.gateway.exchange;

/**
 * Where a request comes from, as {@link id.go.imigrasi.mpaspor.gateway.edge.TrustedProxies} decided.
 *
 * @param client the client's IP (canonical text: {@code 192.0.2.1}, {@code 2001:db8::1}): the key of the per-IP
 *        buckets and the address in the logs
 * @param peer the direct peer of the connection (the load balancer, when there is one)
 * @param peerTrusted whether the peer is a trusted proxy, i.e. whether its {@code X-Forwarded-For} counted
 * @param forwardedFor the {@code X-Forwarded-For} to send to the services: the trusted proxy's chain with the
 *        proxy appended, or only the peer when it is not trusted
 */
public record ClientAddress(String client, String peer, boolean peerTrusted, String forwardedFor) {

    /** The key of requests whose peer has no IP address (never seen on a TCP listener). */
    public static final String UNKNOWN = "unknown";

    /** Name of the routing context entry (the access log prints it with {@code %{d,client-address}}). */
    public static final String CONTEXT_KEY = "client-address";

    /** Key of the client's IP in the log context (every log line of the request). */
    public static final String MDC_KEY = "clientAddress";
}
