package org.wuye;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A minimal JSON reader and writer (RFC 8259), enough for the contract and nothing more.
 *
 * <p>Reading gives plain Java values: {@code Map<String,Object>} (insertion-ordered),
 * {@code List<Object>}, {@code String}, {@code Long} (or {@code BigInteger} past 64 bits,
 * {@code BigDecimal} for a fraction or exponent), {@code Boolean} and {@code null}. Writing
 * takes the same values plus {@link WireEnum}s, {@link JsonWritable}s, {@code OffsetDateTime}
 * (RFC 3339) and {@code LocalDate}, and produces the compact form serde_json produces (no
 * spaces, non-ASCII as is, control characters escaped), so a value read from a response and
 * written back is byte-identical.
 *
 * <p>Why not Jackson: the contract has six value shapes and no floating point; a 400-line
 * reader/writer keeps the binding at one dependency (JNA), reads integers exactly, keeps key
 * order, and is faster on small responses than a general data binder.
 */
public final class Json {
    private static final int MAX_DEPTH = 512;

    private Json() {}

    /** A value that writes itself as JSON. */
    public interface JsonWritable {
        /** Appends this value's compact JSON to {@code out}. */
        void writeJson(StringBuilder out);
    }

    /**
     * Parses a JSON text.
     *
     * @throws IllegalArgumentException if the text is not one well-formed JSON value
     */
    public static Object parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The compact JSON text of a value. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder(64);
        write(sb, value);
        return sb.toString();
    }

    /** Appends the compact JSON of a value. */
    @SuppressWarnings("unchecked")
    public static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            quote(out, (String) value);
        } else if (value instanceof Boolean) {
            out.append(((Boolean) value).booleanValue() ? "true" : "false");
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            out.append(value.toString());
        } else if (value instanceof BigDecimal) {
            out.append(((BigDecimal) value).toString());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d);
            }
            out.append(value.toString());
        } else if (value instanceof JsonWritable) {
            ((JsonWritable) value).writeJson(out);
        } else if (value instanceof WireEnum) {
            quote(out, ((WireEnum) value).wireName());
        } else if (value instanceof OffsetDateTime) {
            out.append('"');
            Rfc3339.format(out, (OffsetDateTime) value);
            out.append('"');
        } else if (value instanceof LocalDate) {
            out.append('"').append(value.toString()).append('"');
        } else if (value instanceof Map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<Object, Object> e : ((Map<Object, Object>) value).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(out, String.valueOf(e.getKey()));
                out.append(':');
                write(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection) {
            out.append('[');
            boolean first = true;
            for (Object o : (Collection<Object>) value) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(out, o);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Appends a string literal, escaped as serde_json escapes it. */
    public static void quote(StringBuilder out, String s) {
        out.append('"');
        int n = s.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, start, i);
            start = i + 1;
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                default:
                    out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        out.append(s, start, n);
        out.append('"');
    }

    // ---- typed access to parsed trees (used by the result records) ----

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object v, String what) {
        if (v instanceof Map) {
            return (Map<String, Object>) v;
        }
        throw new IllegalStateException("expected a JSON object for " + what + ", got " + v);
    }

    @SuppressWarnings("unchecked")
    static List<Object> arr(Object v, String what) {
        if (v instanceof List) {
            return (List<Object>) v;
        }
        throw new IllegalStateException("expected a JSON array for " + what + ", got " + v);
    }

    static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v instanceof String) {
            return (String) v;
        }
        throw new IllegalStateException("expected a string at \"" + key + "\", got " + v);
    }

    static String optStr(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : str(m, key);
    }

    static long num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v instanceof Long) {
            return (Long) v;
        }
        throw new IllegalStateException("expected an integer at \"" + key + "\", got " + v);
    }

    static Long optNum(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : num(m, key);
    }

    /**
     * A decimal figure the library writes as a string ({@code "87.50"}, {@code "-0.7667"}),
     * exactly, with its scale.
     */
    static BigDecimal dec(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v instanceof String) {
            try {
                return new BigDecimal((String) v);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("expected a decimal string at \"" + key + "\", got " + v);
            }
        }
        throw new IllegalStateException("expected a decimal string at \"" + key + "\", got " + v);
    }

    /** As {@link #dec}, or null for JSON null (a figure over no data). */
    static BigDecimal optDec(Map<String, Object> m, String key) {
        return m.get(key) == null ? null : dec(m, key);
    }

    /** Appends a decimal as the contract's decimal string: {@code "12.5"} (plain, never an exponent). */
    static void decimal(StringBuilder out, BigDecimal d) {
        out.append('"').append(d.toPlainString()).append('"');
    }

    static boolean bool(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        throw new IllegalStateException("expected a boolean at \"" + key + "\", got " + v);
    }

    static OffsetDateTime instant(Map<String, Object> m, String key) {
        return Rfc3339.parse(str(m, key));
    }

    static OffsetDateTime optInstant(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : Rfc3339.parse(str(m, key));
    }

    // ---- the reader ----

    /**
     * Short ASCII strings seen before (keys, enum names, ids, instants), shared across
     * parses: responses repeat the same few dozen. Racy by design: a slot holds an immutable
     * String or null, and a lost update only costs a miss.
     */
    private static final String[] CACHE = new String[1024];
    private static final int CACHE_MAX_LEN = 32;

    /**
     * Parses UTF-8 JSON bytes (what the library returns) without decoding them to a String
     * first.
     *
     * @throws IllegalArgumentException if the bytes are not one well-formed JSON value
     */
    public static Object parse(byte[] utf8) {
        Reader r = new Reader(utf8);
        r.skipWs();
        Object v = r.value(0);
        r.skipWs();
        if (r.pos != utf8.length) {
            throw r.error("trailing characters");
        }
        return v;
    }

    private static final class Reader {
        final byte[] b;
        int pos;

        Reader(byte[] b) {
            this.b = b;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("malformed JSON at byte " + pos + ": " + what);
        }

        void skipWs() {
            int n = b.length;
            while (pos < n) {
                byte c = b[pos];
                if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                    pos++;
                } else {
                    break;
                }
            }
        }

        byte peek() {
            if (pos >= b.length) {
                throw error("unexpected end");
            }
            return b[pos];
        }

        void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("nested too deeply");
            }
            byte c = peek();
            switch (c) {
                case '{':
                    return object(depth);
                case '[':
                    return array(depth);
                case '"':
                    return string();
                case 't':
                    literal("true");
                    return Boolean.TRUE;
                case 'f':
                    literal("false");
                    return Boolean.FALSE;
                case 'n':
                    literal("null");
                    return null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw error("unexpected character '" + (char) (c & 0xff) + "'");
            }
        }

        void literal(String word) {
            int n = word.length();
            if (pos + n > b.length) {
                throw error("expected " + word);
            }
            for (int i = 0; i < n; i++) {
                if (b[pos + i] != word.charAt(i)) {
                    throw error("expected " + word);
                }
            }
            pos += n;
        }

        Map<String, Object> object(int depth) {
            pos++; // {
            Map<String, Object> m = new LinkedHashMap<>();
            skipWs();
            if (peek() == '}') {
                pos++;
                return m;
            }
            while (true) {
                skipWs();
                if (peek() != '"') {
                    throw error("expected a key");
                }
                String k = string();
                skipWs();
                expect(':');
                skipWs();
                m.put(k, value(depth + 1));
                skipWs();
                byte c = peek();
                if (c == '}') {
                    pos++;
                    return m;
                }
                if (c != ',') {
                    throw error("expected ',' or '}'");
                }
                pos++;
            }
        }

        List<Object> array(int depth) {
            pos++; // [
            List<Object> l = new ArrayList<>();
            skipWs();
            if (peek() == ']') {
                pos++;
                return l;
            }
            while (true) {
                skipWs();
                l.add(value(depth + 1));
                skipWs();
                byte c = peek();
                if (c == ']') {
                    pos++;
                    return l;
                }
                if (c != ',') {
                    throw error("expected ',' or ']'");
                }
                pos++;
            }
        }

        String string() {
            pos++; // opening quote
            int n = b.length;
            int start = pos;
            int h = 0;
            boolean ascii = true;
            // Fast path: no escapes.
            while (pos < n) {
                byte c = b[pos];
                if (c == '"') {
                    int end = pos++;
                    return ascii ? ascii(start, end, h) : new String(b, start, end - start, StandardCharsets.UTF_8);
                }
                if (c == '\\' || (c >= 0 && c < 0x20)) {
                    break;
                }
                ascii &= c >= 0;
                h = 31 * h + c;
                pos++;
            }
            StringBuilder sb = new StringBuilder(Math.max(16, pos - start + 16));
            int seg = start;
            while (true) {
                if (pos >= n) {
                    throw error("unterminated string");
                }
                byte c = b[pos];
                if (c == '"') {
                    sb.append(new String(b, seg, pos - seg, StandardCharsets.UTF_8));
                    pos++;
                    return sb.toString();
                }
                if (c >= 0 && c < 0x20) {
                    throw error("control character in string");
                }
                if (c != '\\') {
                    pos++;
                    continue;
                }
                sb.append(new String(b, seg, pos - seg, StandardCharsets.UTF_8));
                pos++;
                if (pos >= n) {
                    throw error("unterminated escape");
                }
                byte e = b[pos++];
                switch (e) {
                    case '"':
                    case '\\':
                    case '/':
                        sb.append((char) e);
                        break;
                    case 'b':
                        sb.append('\b');
                        break;
                    case 'f':
                        sb.append('\f');
                        break;
                    case 'n':
                        sb.append('\n');
                        break;
                    case 'r':
                        sb.append('\r');
                        break;
                    case 't':
                        sb.append('\t');
                        break;
                    case 'u':
                        if (pos + 4 > n) {
                            throw error("short \\u escape");
                        }
                        int cp = 0;
                        for (int i = 0; i < 4; i++) {
                            int d = Character.digit((char) (b[pos++] & 0xff), 16);
                            if (d < 0) {
                                throw error("bad \\u escape");
                            }
                            cp = cp * 16 + d;
                        }
                        sb.append((char) cp);
                        break;
                    default:
                        pos--;
                        throw error("bad escape \\" + (char) (e & 0xff));
                }
                seg = pos;
            }
        }

        /** An ASCII string, from the cache when seen before. */
        private String ascii(int start, int end, int hash) {
            int len = end - start;
            if (len > CACHE_MAX_LEN) {
                return new String(b, start, len, StandardCharsets.ISO_8859_1);
            }
            int slot = (hash ^ (hash >>> 10) ^ len) & (CACHE.length - 1);
            String c = CACHE[slot];
            if (c != null && c.length() == len) {
                int i = 0;
                while (i < len && c.charAt(i) == b[start + i]) {
                    i++;
                }
                if (i == len) {
                    return c;
                }
            }
            String fresh = new String(b, start, len, StandardCharsets.ISO_8859_1);
            CACHE[slot] = fresh;
            return fresh;
        }

        Object number() {
            int start = pos;
            int n = b.length;
            if (b[pos] == '-') {
                pos++;
            }
            if (pos >= n) {
                throw error("bad number");
            }
            if (b[pos] == '0') {
                pos++;
            } else if (b[pos] >= '1' && b[pos] <= '9') {
                while (pos < n && b[pos] >= '0' && b[pos] <= '9') {
                    pos++;
                }
            } else {
                throw error("bad number");
            }
            boolean integral = true;
            if (pos < n && b[pos] == '.') {
                integral = false;
                pos++;
                digits();
            }
            if (pos < n && (b[pos] == 'e' || b[pos] == 'E')) {
                integral = false;
                pos++;
                if (pos < n && (b[pos] == '+' || b[pos] == '-')) {
                    pos++;
                }
                digits();
            }
            if (integral && pos - start <= 18) {
                // Fits a long: no substring, no parse call.
                int i = start;
                boolean neg = b[i] == '-';
                if (neg) {
                    i++;
                }
                long v = 0;
                for (; i < pos; i++) {
                    v = v * 10 + (b[i] - '0');
                }
                return neg ? -v : v;
            }
            String text = new String(b, start, pos - start, StandardCharsets.ISO_8859_1);
            if (!integral) {
                return new BigDecimal(text);
            }
            BigInteger big = new BigInteger(text);
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }

        void digits() {
            int start = pos;
            while (pos < b.length && b[pos] >= '0' && b[pos] <= '9') {
                pos++;
            }
            if (pos == start) {
                throw error("expected digits");
            }
        }
    }

    /** {@code read} of a value, or null for JSON null (a member that may be null). */
    static <T> T opt(Object json, Function<Object, T> read) {
        return json == null ? null : read.apply(json);
    }

    /** An unmodifiable list of {@code read} of each element of an array. */
    static <T> List<T> list(Object json, String what, Function<Object, T> read) {
        List<Object> arr = arr(json, what);
        List<T> out = new ArrayList<>(arr.size());
        for (Object o : arr) {
            out.add(read.apply(o));
        }
        return Collections.unmodifiableList(out);
    }

    /** An unmodifiable list of the integers of an array. */
    static List<Long> longs(Object json, String what) {
        List<Object> arr = arr(json, what);
        Long[] out = new Long[arr.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = arr.get(i);
            if (!(v instanceof Long)) {
                throw new IllegalStateException("expected an integer in \"" + what + "\", got " + v);
            }
            out[i] = (Long) v;
        }
        return List.of(out);
    }

    /** An unmodifiable list of the strings of an array. */
    static List<String> strings(Object json, String what) {
        List<Object> arr = arr(json, what);
        String[] out = new String[arr.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = arr.get(i);
            if (!(v instanceof String)) {
                throw new IllegalStateException("expected a string in \"" + what + "\", got " + v);
            }
            out[i] = (String) v;
        }
        return List.of(out);
    }

    /** An unmodifiable view of a parsed list (helper for records). */
    static <T> List<T> frozen(List<T> l) {
        return Collections.unmodifiableList(l);
    }
}
