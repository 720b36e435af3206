package org.wuye;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants on the wire: RFC 3339 with an explicit offset and whole seconds,
 * {@code 2026-09-30T16:00:00+08:00}. Hand-rolled because {@code DateTimeFormatter} takes a
 * large share of the budget of a small call (README.md, Performance).
 */
final class Rfc3339 {
    private Rfc3339() {}

    /**
     * Appends {@code t} as {@code YYYY-MM-DDTHH:MM:SS±HH:MM}.
     *
     * @throws IllegalArgumentException for sub-second precision, a year outside 0–9999 or an
     *     offset with seconds (none of which the contract can carry)
     */
    static void format(StringBuilder out, OffsetDateTime t) {
        if (t.getNano() != 0) {
            throw new IllegalArgumentException(
                    "wuye instants are whole seconds; truncate first (truncatedTo(ChronoUnit.SECONDS)): " + t);
        }
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("year outside 0000–9999: " + t);
        }
        int off = t.getOffset().getTotalSeconds();
        if (off % 60 != 0) {
            throw new IllegalArgumentException("offset with seconds cannot be written in RFC 3339: " + t);
        }
        pad(out, year, 4);
        out.append('-');
        pad(out, t.getMonthValue(), 2);
        out.append('-');
        pad(out, t.getDayOfMonth(), 2);
        out.append('T');
        pad(out, t.getHour(), 2);
        out.append(':');
        pad(out, t.getMinute(), 2);
        out.append(':');
        pad(out, t.getSecond(), 2);
        out.append(off < 0 ? '-' : '+');
        int a = Math.abs(off) / 60;
        pad(out, a / 60, 2);
        out.append(':');
        pad(out, a % 60, 2);
    }

    static String format(OffsetDateTime t) {
        StringBuilder sb = new StringBuilder(25);
        format(sb, t);
        return sb.toString();
    }

    private static void pad(StringBuilder out, int v, int width) {
        if (width == 4) {
            out.append((char) ('0' + v / 1000)).append((char) ('0' + v / 100 % 10));
        }
        out.append((char) ('0' + v / 10 % 10)).append((char) ('0' + v % 10));
    }

    /** A parsed instant and its text. */
    private record Parsed(String text, OffsetDateTime instant) {}

    /**
     * Instants parsed before: responses repeat the same few (start, deadline, as-of), and
     * building an OffsetDateTime costs more than the rest of its parse. Racy by design, like
     * {@code Json}'s string cache: a slot holds an immutable record or null.
     */
    private static final Parsed[] CACHE = new Parsed[512];

    /** Parses an RFC 3339 instant as the library writes it (cached), or any ISO form. */
    static OffsetDateTime parse(String s) {
        int slot = (s.hashCode() & 0x7fffffff) % CACHE.length;
        Parsed p = CACHE[slot];
        if (p != null && (p.text == s || p.text.equals(s))) {
            return p.instant;
        }
        OffsetDateTime t = parseUncached(s);
        CACHE[slot] = new Parsed(s, t);
        return t;
    }

    private static OffsetDateTime parseUncached(String s) {
        if (s.length() == 25 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T'
                && s.charAt(13) == ':' && s.charAt(16) == ':' && s.charAt(22) == ':') {
            char sign = s.charAt(19);
            int y = d(s, 0, 4);
            int mo = d(s, 5, 2);
            int da = d(s, 8, 2);
            int h = d(s, 11, 2);
            int mi = d(s, 14, 2);
            int se = d(s, 17, 2);
            int oh = d(s, 20, 2);
            int om = d(s, 23, 2);
            if ((sign == '+' || sign == '-') && (y | mo | da | h | mi | se | oh | om) >= 0) {
                int off = (oh * 3600 + om * 60) * (sign == '-' ? -1 : 1);
                return OffsetDateTime.of(y, mo, da, h, mi, se, 0, ZoneOffset.ofTotalSeconds(off));
            }
        }
        return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The decimal number in {@code s[at, at+n)}, or -1 if any character is not a digit. */
    private static int d(String s, int at, int n) {
        int v = 0;
        for (int i = at; i < at + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
