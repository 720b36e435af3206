package org.wuye;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A Net Promoter Score 净推荐值, from {@link Engine#surveyNps}: answers 0–10, promoters 9–10,
 * passives 7–8, detractors 0–6; NPS = 100 × (promoters − detractors) ÷ answers, with its
 * standard error, 95% margin and interval (clamped to [−100, 100], rounded outward). Figures
 * are exact decimals with two places ({@code -60.00}); without answers every figure is
 * <b>null</b> and the counts are zero.
 *
 * @param answers number of answers
 * @param distribution the count of each answer 0 … 10
 * @param promoters 推荐者 (9–10)
 * @param passives 被动者 (7–8)
 * @param detractors 贬损者 (0–6)
 * @param nps the score, −100 … 100, or null
 * @param standardError its standard error in points, or null
 * @param margin 1.96 × the standard error, or null
 * @param interval the score ± margin, clamped, or null
 */
public record Nps(long answers, List<Long> distribution, Share promoters, Share passives, Share detractors,
        BigDecimal nps, BigDecimal standardError, BigDecimal margin, Interval interval) {
    /** Freezes {@code distribution}. */
    public Nps {
        distribution = List.copyOf(distribution);
    }

    /**
     * One group of respondents.
     *
     * @param count how many
     * @param percent their share of the answers to two places, or null without answers
     */
    public record Share(long count, BigDecimal percent) {
        static Share from(Object json) {
            Map<String, Object> m = Json.obj(json, "share");
            return new Share(Json.num(m, "count"), Json.optDec(m, "percent"));
        }
    }

    static Nps from(Map<String, Object> m) {
        return new Nps(Json.num(m, "answers"), Json.longs(m.get("distribution"), "distribution"), Share.from(m.get("promoters")),
                Share.from(m.get("passives")), Share.from(m.get("detractors")), Json.optDec(m, "nps"),
                Json.optDec(m, "standard_error"), Json.optDec(m, "margin"), Json.opt(m.get("interval"), Interval::from));
    }
}
