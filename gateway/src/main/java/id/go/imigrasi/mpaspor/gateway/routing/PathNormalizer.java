package id.go.imigrasi.mpaspor.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one canonical form of a request path, computed once before the gateway classifies, routes, limits and
 * forwards a request, so that no spelling of a path reaches a service under another bucket than its canonical
 * one (RFC 3986 section 6 normalisation, made strict for an API whose paths are plain segments):
 * <ul>
 * <li>percent-encoded unreserved characters ({@code %61} = {@code a}, {@code %2E} = {@code .}) are decoded; any other
 * percent-encoding keeps its octet with upper-case hex digits;</li>
 * <li>matrix parameters ({@code ;a=b} in a segment) are removed: the services ignore them when they match a path;</li>
 * <li>empty segments are removed: {@code //} becomes {@code /}, a trailing {@code /} goes;</li>
 * <li>refused: a dot segment ({@code .}, {@code ..}, also encoded), an encoded slash, backslash or semicolon
 * ({@code %2F}, {@code %5C}, {@code %3B}), an encoded control character, a broken percent-encoding, and any raw
 * character outside RFC 3986's {@code pchar} and {@code /} (spaces, backslashes, controls, non-ASCII).</li>
 * </ul>
 * Letter case is not changed here (identifiers such as upload ids are case-sensitive); {@link RouteTable}
 * compares the fixed part of a path without regard to case.
 */
public final class PathNormalizer {

    /** The canonical path, or why there is none. */
    public record Result(Optional<String> canonical, String refusal) {

        static Result of(String canonical) {
            return new Result(Optional.of(canonical), null);
        }

        static Result refused(String why) {
            return new Result(Optional.empty(), why);
        }

        public boolean refused() {
            return canonical.isEmpty();
        }
    }

    private static final String HEX = "0123456789ABCDEF";
    /** RFC 3986 sub-delims and the other pchar punctuation allowed raw in a path segment. */
    private static final String RAW_PUNCTUATION = "-._~!$&'()*+,;=:@";

    private PathNormalizer() {
    }

    public static Result normalize(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return Result.refused("the path does not start with /");
        }
        StringBuilder decoded = new StringBuilder(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length() || hex(rawPath.charAt(i + 1)) < 0 || hex(rawPath.charAt(i + 2)) < 0) {
                    return Result.refused("a broken percent-encoding");
                }
                int octet = hex(rawPath.charAt(i + 1)) * 16 + hex(rawPath.charAt(i + 2));
                i += 2;
                if (unreserved(octet)) {
                    decoded.append((char) octet);
                } else if (octet == '/' || octet == '\\' || octet == ';' || octet < 0x20 || octet == 0x7f) {
                    return Result.refused("an encoded slash, backslash, semicolon or control character");
                } else {
                    decoded.append('%').append(HEX.charAt(octet >> 4)).append(HEX.charAt(octet & 0xf));
                }
            } else if (c == '/' || unreserved(c) || RAW_PUNCTUATION.indexOf(c) >= 0) {
                decoded.append(c);
            } else {
                return Result.refused("a character that has no place in a path");
            }
        }
        List<String> segments = new ArrayList<>();
        for (String segment : decoded.toString().split("/", -1)) {
            int matrix = segment.indexOf(';');
            String plain = matrix < 0 ? segment : segment.substring(0, matrix);
            if (plain.isEmpty()) {
                continue;
            }
            if (plain.equals(".") || plain.equals("..")) {
                return Result.refused("a dot segment");
            }
            segments.add(plain);
        }
        return Result.of("/" + String.join("/", segments));
    }

    private static boolean unreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
