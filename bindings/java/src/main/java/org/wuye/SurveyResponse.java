package org.wuye;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One respondent's SERVQUAL / SERVPERF answers 问卷: one answer per item, in item order, for
 * the expectation 期望 and the perception 感知; a {@code null} answer is an item left
 * unanswered (skipped for that item only). Lists with nulls are made with
 * {@code Arrays.asList(6, null, 5)}.
 *
 * <pre>{@code
 * SurveyResponse.of(List.of(6, 7, 7, 6, 6, 2), Arrays.asList(6, 6, null, 5, 6, 4))
 *         .withId("5-1-1203 张阿姨")
 *         .withWeights(DimensionWeights.of("10", "40", "30", "10", "10"));
 * }</pre>
 *
 * @param id an optional label the library uses in its messages (a unit, a name), or null
 * @param expectation the expectation answers, or null (SERVPERF needs none; when given they
 *     are checked, not used)
 * @param perception the perception answers
 * @param weights the respondent's own importance allocation, or null
 */
public record SurveyResponse(String id, List<Integer> expectation, List<Integer> perception, DimensionWeights weights)
        implements Json.JsonWritable {
    /** Checks {@code perception} and freezes the lists (null answers are kept). */
    public SurveyResponse {
        expectation = expectation == null ? null : frozen(expectation);
        perception = frozen(Objects.requireNonNull(perception, "perception"));
    }

    private static List<Integer> frozen(List<Integer> answers) {
        return Collections.unmodifiableList(new ArrayList<>(answers));
    }

    /** A SERVQUAL response: expectations and perceptions. */
    public static SurveyResponse of(List<Integer> expectation, List<Integer> perception) {
        return new SurveyResponse(null, Objects.requireNonNull(expectation, "expectation"), perception, null);
    }

    /** A SERVPERF response: perceptions only. */
    public static SurveyResponse perceptions(List<Integer> perception) {
        return new SurveyResponse(null, null, perception, null);
    }

    /** This response labelled {@code id} (named in the library's messages). */
    public SurveyResponse withId(String id) {
        return new SurveyResponse(id, expectation, perception, weights);
    }

    /** This response with the respondent's own importance weights. */
    public SurveyResponse withWeights(DimensionWeights weights) {
        return new SurveyResponse(id, expectation, perception, weights);
    }

    @Override
    public void writeJson(StringBuilder out) {
        char sep = '{';
        if (id != null) {
            out.append("{\"id\":");
            Json.quote(out, id);
            sep = ',';
        }
        if (expectation != null) {
            out.append(sep).append("\"expectation\":");
            Json.write(out, expectation);
            sep = ',';
        }
        out.append(sep).append("\"perception\":");
        Json.write(out, perception);
        if (weights != null) {
            out.append(",\"weights\":");
            weights.writeJson(out);
        }
        out.append('}');
    }
}
