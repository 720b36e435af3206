package org.wuye;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Every line of a loaded estate for a period, from {@link Engine#feeBillEstate}: three parallel
 * columns — unit index, item index, amount in fen — in unit order then item order, as a host
 * stores them (no object per line). Unit {@code u} is the {@code u}-th unit given to
 * {@link Engine#feeLoadEstate}; item {@code i} is {@link LoadedEstate#items()}{@code .get(i)}.
 *
 * <pre>{@code
 * EstateLines lines = engine.feeBillEstate("2026-09", inputs);
 * for (int k = 0; k < lines.size(); k++) {
 *     store(units.get(lines.unit(k)).id(), items.get(lines.item(k)), lines.amount(k));
 * }
 * }</pre>
 *
 * <p>The arrays are the decoder's own and are handed out without copying: treat them as
 * read-only.
 */
public final class EstateLines {
    private final String period;
    private final int[] unit;
    private final int[] item;
    private final long[] fen;
    private final Money total;

    EstateLines(String period, int[] unit, int[] item, long[] fen, Money total) {
        this.period = period;
        this.unit = unit;
        this.item = item;
        this.fen = fen;
        this.total = total;
    }

    /** The period billed, e.g. {@code 2026-09}. */
    public String period() {
        return period;
    }

    /** Number of lines. */
    public int size() {
        return unit.length;
    }

    /** Unit index of line {@code k}. */
    public int unit(int k) {
        return unit[k];
    }

    /** Item index of line {@code k}. */
    public int item(int k) {
        return item[k];
    }

    /** Amount of line {@code k}. */
    public Money amount(int k) {
        return new Money(fen[k]);
    }

    /** Amount of line {@code k} in fen. */
    public long fen(int k) {
        return fen[k];
    }

    /** The unit column (read-only). */
    public int[] units() {
        return unit;
    }

    /** The item column (read-only). */
    public int[] items() {
        return item;
    }

    /** The amount column in fen (read-only). */
    public long[] fens() {
        return fen;
    }

    /** The sum of every line. */
    public Money total() {
        return total;
    }

    // ---------------------------------------------------------------- decoding

    private static final byte[] HEAD = ascii("{\"v\":1,\"ok\":true,\"result\":{\"period\":\"");
    private static final byte[] UNITS = ascii("\",\"lines\":{\"unit\":[");
    private static final byte[] ITEMS = ascii(",\"item\":[");
    private static final byte[] AMOUNTS = ascii(",\"amount\":[");
    private static final byte[] TOTAL = ascii("},\"total\":\"");
    private static final byte[] TAIL = ascii("}}");

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Decodes a {@code fee.bill_estate} success response. The library writes it compactly, so
     * the columns are read straight from the bytes in one pass with no intermediate objects;
     * anything else (e.g. a response reformatted on its way) goes through the general JSON
     * reader.
     */
    static EstateLines decode(byte[] b) {
        try {
            return new Scanner(b).read();
        } catch (Unexpected e) {
            return decodeTree(b);
        }
    }

    /** The same through {@link Json#parse}: slow but shape-tolerant. */
    static EstateLines decodeTree(byte[] body) {
        Map<String, Object> m = Json.obj(Json.obj(Json.parse(body), "response").get("result"), "result");
        Map<String, Object> cols = Json.obj(m.get("lines"), "lines");
        List<Object> us = Json.arr(cols.get("unit"), "unit");
        List<Object> is = Json.arr(cols.get("item"), "item");
        List<Object> as = Json.arr(cols.get("amount"), "amount");
        int n = us.size();
        if (is.size() != n || as.size() != n) {
            throw new IllegalStateException("fee.bill_estate: columns of different lengths");
        }
        int[] unit = new int[n];
        int[] item = new int[n];
        long[] fen = new long[n];
        for (int k = 0; k < n; k++) {
            unit[k] = Math.toIntExact((Long) us.get(k));
            item[k] = Math.toIntExact((Long) is.get(k));
            fen[k] = Money.from(as.get(k), "amount").fen();
        }
        return checked(Json.str(m, "period"), unit, item, fen, Money.from(m.get("total"), "total"));
    }

    private static EstateLines checked(String period, int[] unit, int[] item, long[] fen, Money total) {
        long sum = 0;
        for (long f : fen) {
            sum = Math.addExact(sum, f);
        }
        if (sum != total.fen()) {
            throw new IllegalStateException("fee.bill_estate: lines sum to " + new Money(sum) + ", total says " + total);
        }
        return new EstateLines(period, unit, item, fen, total);
    }

    /** The compact form is not what the scanner expects. */
    private static final class Unexpected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unexpected() {
            super(null, null, false, false);
        }
    }

    /**
     * Reads the compact form in one pass, straight from the bytes: digits are accumulated in
     * tight loops that stop at the first non-digit, and a read past the end (a truncated
     * response) surfaces as an array index error, turned into {@link Unexpected}.
     */
    private static final class Scanner {
        final byte[] b;
        int pos;

        Scanner(byte[] b) {
            this.b = b;
        }

        EstateLines read() {
            try {
                return scan();
            } catch (ArrayIndexOutOfBoundsException e) {
                throw new Unexpected();
            }
        }

        private EstateLines scan() {
            expect(HEAD);
            int start = pos;
            while (b[pos] != '"' && b[pos] != '\\') {
                pos++;
            }
            String period = new String(b, start, pos - start, StandardCharsets.UTF_8);
            expect(UNITS);
            // A line takes at least 11 bytes ("0,", "0," and "\"0.00\","): no growth needed.
            int[] buf = new int[b.length / 11 + 1];
            int n = ints(buf);
            int[] unit = java.util.Arrays.copyOf(buf, n);
            expect(ITEMS);
            int[] item = new int[n];
            if (ints(item) != n) {
                throw new Unexpected();
            }
            expect(AMOUNTS);
            long[] fen = new long[n];
            int k = 0;
            if (b[pos] == ']') {
                pos++;
            } else {
                while (true) {
                    if (k == n) {
                        throw new Unexpected();
                    }
                    fen[k++] = amount();
                    byte c = b[pos++];
                    if (c == ']') {
                        break;
                    }
                    if (c != ',') {
                        throw new Unexpected();
                    }
                }
            }
            if (k != n) {
                throw new Unexpected();
            }
            expect(TOTAL);
            pos--; // at the opening quote of the total
            long total = amount();
            expect(TAIL);
            if (pos != b.length) {
                throw new Unexpected();
            }
            return checked(period, unit, item, fen, new Money(total));
        }

        void expect(byte[] lit) {
            if (pos + lit.length > b.length) {
                throw new Unexpected();
            }
            for (int i = 0; i < lit.length; i++) {
                if (b[pos + i] != lit[i]) {
                    throw new Unexpected();
                }
            }
            pos += lit.length;
        }

        /** Non-negative ints up to the closing ']' into {@code out}; returns how many. */
        int ints(int[] out) {
            byte[] b = this.b;
            int p = pos;
            if (b[p] == ']') {
                pos = p + 1;
                return 0;
            }
            int k = 0;
            while (true) {
                int start = p;
                int v = 0;
                int d;
                while ((d = b[p] - '0') >= 0 && d <= 9) {
                    v = v * 10 + d;
                    p++;
                }
                // Nine digits always fit an int; more is not an index of this library.
                if (p == start || p - start > 9 || k == out.length) {
                    throw new Unexpected();
                }
                out[k++] = v;
                byte c = b[p++];
                if (c == ']') {
                    pos = p;
                    return k;
                }
                if (c != ',') {
                    throw new Unexpected();
                }
            }
        }

        /** {@code "-123.45"} → fen: the library always writes two decimals. */
        long amount() {
            byte[] b = this.b;
            int p = pos;
            if (b[p++] != '"') {
                throw new Unexpected();
            }
            boolean neg = b[p] == '-';
            if (neg) {
                p++;
            }
            int start = p;
            long v = 0;
            int d;
            while ((d = b[p] - '0') >= 0 && d <= 9) {
                v = v * 10 + d;
                p++;
            }
            if (p == start || p - start > 16 || b[p] != '.') {
                throw new Unexpected();
            }
            int d1 = b[p + 1] - '0';
            int d2 = b[p + 2] - '0';
            if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9 || b[p + 3] != '"') {
                throw new Unexpected();
            }
            pos = p + 4;
            v = v * 100 + d1 * 10 + d2;
            return neg ? -v : v;
        }
    }
}
