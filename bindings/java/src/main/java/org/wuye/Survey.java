package org.wuye;

import java.util.List;
import java.util.Objects;

/**
 * A SERVQUAL / SERVPERF questionnaire with its answers, for {@link Engine#surveyServqual} and
 * {@link Engine#surveyServperf}.
 *
 * <pre>{@code
 * Survey s = Survey.of(List.of(
 *                 SurveyItem.of("门岗形象", Dimension.TANGIBLES),
 *                 SurveyItem.of("报修及时", Dimension.RELIABILITY),
 *                 …,
 *                 SurveyItem.reversed("漠不关心", Dimension.EMPATHY)),
 *         responses)
 *         .withWeights(DimensionWeights.of("10", "35", "25", "15", "15"));
 * Survey standard = Survey.standard(responses);   // the standard 22 items q1–q22 on 1–7
 * }</pre>
 *
 * @param scale the answer scale, or null for the default 1–7
 * @param items the items in answer order, or null for the standard 22 ({@code q1}–{@code q4}
 *     tangibles, {@code q5}–{@code q9} reliability, {@code q10}–{@code q13} responsiveness,
 *     {@code q14}–{@code q17} assurance, {@code q18}–{@code q22} empathy)
 * @param weights fixed importance weights, or null (then the respondents' own, if any)
 * @param responses the respondents' answers
 */
public record Survey(Scale scale, List<SurveyItem> items, DimensionWeights weights, List<SurveyResponse> responses)
        implements Json.JsonWritable {
    /** Checks {@code responses} and freezes the lists. */
    public Survey {
        items = items == null ? null : List.copyOf(items);
        responses = List.copyOf(Objects.requireNonNull(responses, "responses"));
    }

    /** The standard 22-item questionnaire on 1–7, without fixed weights. */
    public static Survey standard(List<SurveyResponse> responses) {
        return new Survey(null, null, null, responses);
    }

    /** A questionnaire of {@code items} on 1–7, without fixed weights. */
    public static Survey of(List<SurveyItem> items, List<SurveyResponse> responses) {
        return new Survey(null, Objects.requireNonNull(items, "items"), null, responses);
    }

    /** This survey on another scale. */
    public Survey withScale(Scale scale) {
        return new Survey(scale, items, weights, responses);
    }

    /** This survey with fixed importance weights (not together with respondents' own). */
    public Survey withWeights(DimensionWeights weights) {
        return new Survey(scale, items, weights, responses);
    }

    /** Writes the arguments of {@code survey.servqual} and {@code survey.servperf}. */
    @Override
    public void writeJson(StringBuilder out) {
        char sep = '{';
        if (scale != null) {
            scale.writeJson(out.append(sep).append("\"scale\":"));
            sep = ',';
        }
        if (items != null) {
            writeAll(out.append(sep).append("\"items\":"), items);
            sep = ',';
        }
        if (weights != null) {
            weights.writeJson(out.append(sep).append("\"weights\":"));
            sep = ',';
        }
        writeAll(out.append(sep).append("\"responses\":"), responses);
        out.append('}');
    }

    private static void writeAll(StringBuilder out, List<? extends Json.JsonWritable> l) {
        out.append('[');
        for (int i = 0, n = l.size(); i < n; i++) {
            if (i > 0) {
                out.append(',');
            }
            l.get(i).writeJson(out);
        }
        out.append(']');
    }
}
