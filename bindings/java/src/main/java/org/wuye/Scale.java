package org.wuye;

import java.util.Map;

/**
 * An answer scale 量表: whole-number answers from {@code min} to {@code max}, e.g. 1–5 for
 * CSAT, 1–7 for SERVQUAL, 1–10 for the satisfaction index (at most 101 points, bounds within
 * ±1000; the library checks).
 *
 * @param min the lowest answer
 * @param max the highest answer
 */
public record Scale(int min, int max) implements Json.JsonWritable {
    /** 1–5, the default of {@link Engine#surveyCsat}. */
    public static final Scale FIVE = new Scale(1, 5);
    /** 1–7, the default of {@link Engine#surveyServqual} and {@link Engine#surveyServperf}. */
    public static final Scale SEVEN = new Scale(1, 7);
    /** 1–10, the default of {@link Engine#surveyIndex}. */
    public static final Scale TEN = new Scale(1, 10);

    /** The scale {@code min}–{@code max}. */
    public static Scale of(int min, int max) {
        return new Scale(min, max);
    }

    @Override
    public void writeJson(StringBuilder out) {
        out.append("{\"min\":").append(min).append(",\"max\":").append(max).append('}');
    }

    static Scale from(Object json) {
        Map<String, Object> m = Json.obj(json, "scale");
        return new Scale(Math.toIntExact(Json.num(m, "min")), Math.toIntExact(Json.num(m, "max")));
    }
}
