package org.wuye;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * Importance weights of the five SERVQUAL dimensions in points out of 100 (they must sum to
 * exactly 100, none negative: the library refuses anything else with {@code invalid_survey}).
 * Given as a survey's fixed weights ({@link Survey#withWeights}) or as one respondent's own
 * allocation ({@link SurveyResponse#withWeights}); a report gives back the weights it used,
 * to two places ({@code 28.33}), though it computed with the exact ones. Exact decimals, sent
 * as decimal strings; never {@code double}.
 *
 * <pre>{@code
 * DimensionWeights.of("10", "35", "25", "15", "15");
 * }</pre>
 *
 * @param tangibles 有形性
 * @param reliability 可靠性
 * @param responsiveness 响应性
 * @param assurance 保证性
 * @param empathy 移情性
 */
public record DimensionWeights(BigDecimal tangibles, BigDecimal reliability, BigDecimal responsiveness,
        BigDecimal assurance, BigDecimal empathy) implements Json.JsonWritable {
    /** Checks the components. */
    public DimensionWeights {
        Objects.requireNonNull(tangibles, "tangibles");
        Objects.requireNonNull(reliability, "reliability");
        Objects.requireNonNull(responsiveness, "responsiveness");
        Objects.requireNonNull(assurance, "assurance");
        Objects.requireNonNull(empathy, "empathy");
    }

    /**
     * Weights from decimal strings ({@code "10"}, {@code "22.5"}), in dimension order.
     *
     * @throws NumberFormatException if one is not a decimal
     */
    public static DimensionWeights of(String tangibles, String reliability, String responsiveness, String assurance,
            String empathy) {
        return new DimensionWeights(new BigDecimal(tangibles), new BigDecimal(reliability),
                new BigDecimal(responsiveness), new BigDecimal(assurance), new BigDecimal(empathy));
    }

    /** The weight of one dimension. */
    public BigDecimal get(Dimension dimension) {
        switch (dimension) {
            case TANGIBLES:
                return tangibles;
            case RELIABILITY:
                return reliability;
            case RESPONSIVENESS:
                return responsiveness;
            case ASSURANCE:
                return assurance;
            default:
                return empathy;
        }
    }

    @Override
    public void writeJson(StringBuilder out) {
        out.append("{\"tangibles\":");
        Json.decimal(out, tangibles);
        out.append(",\"reliability\":");
        Json.decimal(out, reliability);
        out.append(",\"responsiveness\":");
        Json.decimal(out, responsiveness);
        out.append(",\"assurance\":");
        Json.decimal(out, assurance);
        out.append(",\"empathy\":");
        Json.decimal(out, empathy);
        out.append('}');
    }

    static DimensionWeights from(Object json) {
        Map<String, Object> m = Json.obj(json, "weights");
        return new DimensionWeights(Json.dec(m, "tangibles"), Json.dec(m, "reliability"),
                Json.dec(m, "responsiveness"), Json.dec(m, "assurance"), Json.dec(m, "empathy"));
    }
}
