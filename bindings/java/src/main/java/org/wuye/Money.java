package org.wuye;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An amount of money 金额 in yuan, held exactly as a whole number of fen 分 (the library's
 * {@code Money}). On the wire it is a decimal string with two decimals: {@code "232.09"},
 * {@code "-0.07"}. Never a {@code double}.
 *
 * <pre>{@code
 * Money m = Money.parse("232.09");      // 23209 fen
 * m.toBigDecimal();                     // 232.09 (scale 2)
 * Money.of(new BigDecimal("1000"));     // 1000.00
 * }</pre>
 *
 * @param fen the amount in fen (1 yuan = 100 fen)
 */
public record Money(long fen) implements Comparable<Money>, Json.JsonWritable {
    /** 0.00. */
    public static final Money ZERO = new Money(0);

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** The amount of {@code fen} fen. */
    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /**
     * The amount of a decimal number of yuan with at most two decimals ({@code 12.5} is
     * 12.50; {@code 12.345} is refused rather than rounded).
     *
     * @throws IllegalArgumentException for more than two significant decimals or an amount
     *     beyond ±92 233 720 368 547 758.07
     */
    public static Money of(BigDecimal yuan) {
        BigDecimal fen;
        try {
            fen = yuan.movePointRight(2).setScale(0);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount " + yuan.toPlainString()
                    + " has more than two decimals (amounts are in fen 分)");
        }
        BigInteger f = fen.unscaledValue();
        if (f.compareTo(LONG_MIN) < 0 || f.compareTo(LONG_MAX) > 0) {
            throw new IllegalArgumentException("amount " + yuan.toPlainString() + " is too large");
        }
        return new Money(f.longValue());
    }

    /**
     * Parses the wire form, as the library does: yuan with at most two decimals, an optional
     * leading {@code -}: {@code "1234.5"}, {@code "-3"}, {@code "0.07"}. More decimals,
     * exponents, spaces, {@code +} signs, thousands separators are refused.
     *
     * @throws IllegalArgumentException if {@code text} is not such an amount
     */
    public static Money parse(String text) {
        long fen = parseFen(text, 0, text.length());
        if (fen == BAD) {
            throw new IllegalArgumentException("\"" + text + "\" is not an amount (yuan with at most two decimals, "
                    + "e.g. \"232.09\")");
        }
        return new Money(fen);
    }

    /** Marks a failed {@link #parseFen}: no valid amount is this value (it has no yuan form). */
    static final long BAD = Long.MIN_VALUE;

    /**
     * The fen of the ASCII amount in {@code s[from, to)}, or {@link #BAD}. Shared by
     * {@link #parse} and the bulk decoder (which reads bytes).
     */
    static long parseFen(CharSequence s, int from, int to) {
        int i = from;
        if (i >= to) {
            return BAD;
        }
        boolean neg = s.charAt(i) == '-';
        if (neg) {
            i++;
        }
        long v = 0;
        int digits = 0;
        while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            if (v > (Long.MAX_VALUE - 9) / 10) {
                return BAD;
            }
            v = v * 10 + (s.charAt(i++) - '0');
            digits++;
        }
        if (digits == 0) {
            return BAD;
        }
        int decimals = 0;
        if (i < to && s.charAt(i) == '.') {
            i++;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9' && decimals < 3) {
                v = v * 10 + (s.charAt(i++) - '0');
                decimals++;
            }
            if (decimals == 0 || decimals > 2) {
                return BAD;
            }
        }
        if (i != to) {
            return BAD;
        }
        for (; decimals < 2; decimals++) {
            if (v > Long.MAX_VALUE / 10) {
                return BAD;
            }
            v *= 10;
        }
        return neg ? -v : v;
    }

    /** This amount as a {@code BigDecimal} of scale 2 (232.09, 1000.00). */
    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(fen, 2);
    }

    /** The sum (overflow throws {@link ArithmeticException}). */
    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    /** The difference (overflow throws {@link ArithmeticException}). */
    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    /** Whether below zero. */
    public boolean isNegative() {
        return fen < 0;
    }

    /** Whether exactly zero. */
    public boolean isZero() {
        return fen == 0;
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(fen, o.fen);
    }

    /** The wire form: yuan with two decimals, {@code 1234.50}, {@code -0.07}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(24);
        appendTo(sb);
        return sb.toString();
    }

    void appendTo(StringBuilder sb) {
        long abs = Math.abs(fen);
        if (fen < 0) {
            sb.append('-');
        }
        if (fen == Long.MIN_VALUE) {
            sb.append("92233720368547758.08");
            return;
        }
        sb.append(abs / 100).append('.');
        long c = abs % 100;
        if (c < 10) {
            sb.append('0');
        }
        sb.append(c);
    }

    /** Writes the wire form as a JSON string: {@code "232.09"}. */
    @Override
    public void writeJson(StringBuilder out) {
        out.append('"');
        appendTo(out);
        out.append('"');
    }

    /** Reads a wire amount from a parsed response. */
    static Money from(Object json, String what) {
        if (json instanceof String) {
            return parse((String) json);
        }
        throw new IllegalStateException("expected an amount string for " + what + ", got " + json);
    }
}
