package org.wuye;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Compact JSON written straight into UTF-8 bytes, for the bulk requests (a month of meter
 * readings): no {@code String} per value, no {@code StringBuilder} to encode at the end.
 * Writes what {@link Json} writes (serde_json's compact form).
 */
final class ByteJson {
    private byte[] b;
    private int n;

    ByteJson(int capacity) {
        b = new byte[Math.max(64, capacity)];
    }

    /** The bytes written so far (the array may be longer: see {@link #size()}). */
    byte[] array() {
        return b;
    }

    /** Number of bytes written. */
    int size() {
        return n;
    }

    private void room(int more) {
        if (n + more > b.length) {
            long want = Math.max((long) b.length * 2, (long) n + more);
            if (want > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("request too large for a Java array");
            }
            b = Arrays.copyOf(b, (int) want);
        }
    }

    ByteJson raw(char c) {
        room(1);
        b[n++] = (byte) c;
        return this;
    }

    /** ASCII text as is (literals: keys, punctuation). */
    ByteJson ascii(String s) {
        int len = s.length();
        room(len);
        for (int i = 0; i < len; i++) {
            b[n++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** A JSON string: quoted, escaped as {@link Json#quote}, UTF-8. */
    ByteJson str(String s) {
        int len = s.length();
        room(len + 2);
        int start = n;
        b[n++] = '"';
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) {
                // The rare case: escapes or non-ASCII, through the general writer.
                n = start;
                StringBuilder sb = new StringBuilder(len + 8);
                Json.quote(sb, s);
                return utf8(sb);
            }
            b[n++] = (byte) c;
        }
        b[n++] = '"';
        return this;
    }

    /** Text already in JSON form (written by a {@link Json.JsonWritable}), as UTF-8. */
    ByteJson utf8(CharSequence json) {
        byte[] u = json.toString().getBytes(StandardCharsets.UTF_8);
        room(u.length);
        System.arraycopy(u, 0, b, n, u.length);
        n += u.length;
        return this;
    }

    /** The bytes written to {@code other}. */
    ByteJson append(ByteJson other) {
        room(other.n);
        System.arraycopy(other.b, 0, b, n, other.n);
        n += other.n;
        return this;
    }

    /** A JSON integer. */
    ByteJson lng(long v) {
        room(20);
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return ascii("-9223372036854775808");
            }
            b[n++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long p = 10; digits < 19 && v >= p; p *= 10) {
            digits++;
        }
        for (int i = n + digits - 1; i >= n; i--) {
            b[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        n += digits;
        return this;
    }

    /**
     * An exact decimal for a reading column: a JSON integer when it is whole (scale 0) and
     * fits a {@code long} (the contract takes integers there), else its plain decimal string.
     */
    ByteJson decimal(BigDecimal d) {
        if (d.scale() == 0) {
            long v;
            try {
                v = d.longValueExact();
            } catch (ArithmeticException tooLarge) {
                return raw('"').ascii(d.toPlainString()).raw('"');
            }
            return lng(v);
        }
        return raw('"').ascii(d.toPlainString()).raw('"');
    }
}
