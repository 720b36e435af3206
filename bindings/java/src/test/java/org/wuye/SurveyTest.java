package org.wuye;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wuye.ErrorsTest.fails;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The survey operations 满意度 through their typed methods. Every expected figure is the
 * hand-worked one of docs/contract.md ("Surveys 满意度") or tests/vectors/survey-scores.json
 * (worked out there with exact fractions, rounded once), restated in the comments.
 */
class SurveyTest {
    static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    /** Asserts a figure equal to the wire string, scale included ("87.50" is not "87.5"). */
    static void fig(String expected, BigDecimal actual) {
        assertEquals(dec(expected), actual, "figure");
        assertEquals(expected, actual.toPlainString());
    }

    static void interval(String low, String high, Interval i) {
        fig(low, i.low());
        fig(high, i.high());
    }

    /** A list of answers with nulls (skipped answers). */
    static List<Integer> a(Integer... answers) {
        return Arrays.asList(answers);
    }

    /** Answers as the contract's integers (int64, so {@code Long}), with nulls. */
    static List<Long> l(Integer... answers) {
        List<Long> out = new ArrayList<>(answers.length);
        for (Integer x : answers) {
            out.add(x == null ? null : x.longValue());
        }
        return out;
    }

    Engine e;

    @BeforeEach
    void open() {
        e = Engine.standard();
    }

    @AfterEach
    void close() {
        e.close();
    }

    // ---------------------------------------------------------------- survey.proportion

    @Test
    void proportionIsAPercentWithItsWilsonInterval() {
        // 7 of 8: 87.50%; centre (7 + 1.9208)/11.8416 = 0.753344…, half-width 0.224238… →
        // [0.529105…, 0.977583…], rounded outward: 52.91 and 97.76.
        Proportion p = e.surveyProportion(7, 8);
        assertEquals(7, p.count());
        assertEquals(8, p.total());
        fig("87.50", p.percent());
        interval("52.91", "97.76", p.interval());
        assertTrue(p.hasData());
        // 45 of 50 satisfied: 90.00% in [78.63, 95.66].
        Proportion q = e.surveyProportion(45, 50);
        fig("90.00", q.percent());
        interval("78.63", "95.66", q.interval());
    }

    @Test
    void aProportionOfNothingIsNullNotZero() {
        Proportion p = e.surveyProportion(0, 0);
        assertEquals(0, p.total());
        assertNull(p.percent());
        assertNull(p.interval());
        assertFalse(p.hasData());
    }

    @Test
    void aCountAboveTheTotalIsRefused() {
        RefusedException x = fails(RefusedException.class, Status.REFUSED, "invalid_survey", () -> e.surveyProportion(3, 2));
        assertEquals("args: count 3 exceeds total 2", x.getMessage());
    }

    // ---------------------------------------------------------------- survey.csat

    @Test
    void csatCountsTheTopTwoBoxesOfFive() {
        // Fours and fives 6 of 10 = 60.00%; mean 36/10; Wilson [0.312669…, 0.831822…] → 31.26, 83.19.
        Csat c = e.surveyCsat(l(5, 5, 4, 4, 4, 3, 3, 2, 5, 1));
        assertEquals(Scale.FIVE, c.scale());
        assertEquals(2, c.topBoxes());
        assertEquals(10, c.answers());
        assertEquals(List.of(1L, 1L, 2L, 3L, 3L), c.distribution());
        fig("3.6000", c.mean());
        assertEquals(6, c.csat().count());
        assertEquals(10, c.csat().total());
        fig("60.00", c.csat().percent());
        interval("31.26", "83.19", c.csat().interval());
    }

    @Test
    void csatOnASevenPointScaleTopBoxOnly() {
        // Sevens 3 of 8 = 37.50%; mean 45/8 = 5.6250; Wilson → 13.68 … 69.43 outward.
        Csat c = e.surveyCsat(Scale.of(1, 7), 1, l(7, 6, 7, 5, 4, 7, 6, 3));
        assertEquals(Scale.SEVEN, c.scale());
        assertEquals(1, c.topBoxes());
        assertEquals(List.of(0L, 0L, 1L, 1L, 1L, 2L, 3L), c.distribution());
        fig("5.6250", c.mean());
        fig("37.50", c.csat().percent());
        interval("13.68", "69.43", c.csat().interval());
    }

    @Test
    void csatWithoutAnswersHasNoFigures() {
        Csat c = e.surveyCsat(l());
        assertEquals(0, c.answers());
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L), c.distribution());
        assertNull(c.mean());
        assertNull(c.csat().percent());
        assertNull(c.csat().interval());
    }

    @Test
    void anAnswerOffTheScaleIsRefusedNamingIt() {
        RefusedException x = fails(RefusedException.class, Status.REFUSED, "invalid_survey",
                () -> e.surveyCsat(l(5, 4, 6)));
        assertEquals("answers[2]: answer 6 is outside the scale 1–5", x.getMessage());
        fails(RefusedException.class, Status.REFUSED, "invalid_survey", () -> e.surveyCsat(Scale.FIVE, 5, l(5)));
        // A null answer is sent as null; the library refuses it, naming what it expected.
        fails(InvalidRequestException.class, Status.INVALID_REQUEST, "wrong_type", () -> e.surveyCsat(l(5, null)));
    }

    // ---------------------------------------------------------------- survey.nps

    @Test
    void npsOfTenAnswers() {
        // P 5, passives 2, D 3: NPS 20.00; SE 100·√0.076 = 27.5680… → 27.57; margin 54.0334… →
        // 54.03; interval [−34.0334…, 74.0334…] → −34.04 and 74.04.
        Nps n = e.surveyNps(l(10, 10, 9, 9, 9, 8, 7, 6, 3, 0));
        assertEquals(10, n.answers());
        assertEquals(List.of(1L, 0L, 0L, 1L, 0L, 0L, 1L, 1L, 1L, 3L, 2L), n.distribution());
        assertEquals(5, n.promoters().count());
        fig("50.00", n.promoters().percent());
        assertEquals(2, n.passives().count());
        fig("20.00", n.passives().percent());
        assertEquals(3, n.detractors().count());
        fig("30.00", n.detractors().percent());
        fig("20.00", n.nps());
        fig("27.57", n.standardError());
        fig("54.03", n.margin());
        interval("-34.04", "74.04", n.interval());
    }

    @Test
    void aNegativeNpsHasItsIntervalClampedAtMinusOneHundred() {
        // P 1, D 4 of 5: −60.00; SE √1280 = 35.7771…; margin 70.1231…; −130.12… clamps to −100.
        Nps n = e.surveyNps(l(0, 3, 6, 6, 9));
        fig("-60.00", n.nps());
        fig("35.78", n.standardError());
        fig("70.12", n.margin());
        interval("-100.00", "10.13", n.interval());
        fig("0.00", n.passives().percent());
    }

    @Test
    void npsWithoutAnswersIsNullThroughout() {
        Nps n = e.surveyNps(l());
        assertEquals(0, n.answers());
        assertEquals(Collections.nCopies(11, 0L), n.distribution());
        assertEquals(0, n.promoters().count());
        assertNull(n.promoters().percent());
        assertNull(n.nps());
        assertNull(n.standardError());
        assertNull(n.margin());
        assertNull(n.interval());
        RefusedException x = fails(RefusedException.class, Status.REFUSED, "invalid_survey",
                () -> e.surveyNps(l(10, 11)));
        assertEquals("answers[1]: answer 11 is outside the scale 0–10", x.getMessage());
    }

    // ---------------------------------------------------------------- survey.servqual

    /** The six items of docs/contract.md's example, e1 reverse-coded. */
    static final List<SurveyItem> SIX = List.of(
            SurveyItem.of("t1", Dimension.TANGIBLES),
            SurveyItem.of("r1", Dimension.RELIABILITY),
            SurveyItem.of("r2", Dimension.RELIABILITY),
            SurveyItem.of("s1", Dimension.RESPONSIVENESS),
            SurveyItem.of("a1", Dimension.ASSURANCE),
            SurveyItem.reversed("e1", Dimension.EMPATHY));

    @Test
    void servqualOfTheReferenceExample() {
        Servqual s = e.surveyServqual(Survey.of(SIX, List.of(
                SurveyResponse.of(List.of(6, 7, 6, 6, 5, 3), List.of(5, 6, 6, 4, 5, 4)).withId("1-1-101")
                        .withWeights(DimensionWeights.of("10", "30", "25", "20", "15")),
                SurveyResponse.of(List.of(7, 7, 5, 6, 6, 2), a(6, 5, null, 5, 6, 2)).withId("1-1-102")
                        .withWeights(DimensionWeights.of("20", "20", "20", "20", "20")),
                SurveyResponse.of(List.of(5, 6, 7, 7, 6, 1), List.of(5, 7, 5, 6, 6, 3)).withId("1-2-201"))));
        assertEquals(3, s.respondents());
        assertEquals(Scale.SEVEN, s.scale());
        // t1: E 18/3 = 6, P 16/3 = 5.3333, gap −2/3.
        Servqual.Item t1 = s.items().get(0);
        assertEquals("t1", t1.id());
        assertEquals(Dimension.TANGIBLES, t1.dimension());
        assertEquals(3, t1.answered());
        fig("6.0000", t1.expectation());
        fig("5.3333", t1.perception());
        fig("-0.6667", t1.gap());
        // r2: only two answered both: E 6.5, P 5.5, gap −1.
        Servqual.Item r2 = s.items().get(2);
        assertEquals(2, r2.answered());
        fig("6.5000", r2.expectation());
        fig("5.5000", r2.perception());
        fig("-1.0000", r2.gap());
        // e1 reverse-coded: E 3, 2, 1 → 5, 6, 7 = 6; P 4, 2, 3 → 4, 6, 5 = 5.
        fig("6.0000", s.items().get(5).expectation());
        fig("5.0000", s.items().get(5).perception());
        // Reliability: E 79/12 = 6.5833, P 23/4, gap −5/6.
        Servqual.Dimension rel = s.dimension(Dimension.RELIABILITY);
        assertEquals(2, rel.items());
        fig("6.5833", rel.expectation());
        fig("5.7500", rel.perception());
        fig("-0.8333", rel.gap());
        fig("0.0000", s.dimension(Dimension.ASSURANCE).gap());
        // Overall E 367/60, P 321/60, gap −23/30.
        fig("6.1167", s.overall().expectation());
        fig("5.3500", s.overall().perception());
        fig("-0.7667", s.overall().gap());
        // Weights averaged over the two who gave them: 15, 25, 22.5, 20, 17.5; gap −235/300.
        assertEquals(WeightSource.RESPONDENTS, s.weighted().source());
        assertEquals(2, s.weighted().respondents());
        assertEquals(DimensionWeights.of("15.00", "25.00", "22.50", "20.00", "17.50"), s.weighted().weights());
        fig("22.50", s.weighted().weights().get(Dimension.RESPONSIVENESS));
        fig("-0.7833", s.weighted().gap());
    }

    /** The 翠湖花园 questionnaire of survey-scores.json: six items, 漠不关心 reverse-coded. */
    static final List<SurveyItem> CUIHU = List.of(
            SurveyItem.of("门岗形象", Dimension.TANGIBLES),
            SurveyItem.of("报修及时", Dimension.RELIABILITY),
            SurveyItem.of("按约上门", Dimension.RELIABILITY),
            SurveyItem.of("响应速度", Dimension.RESPONSIVENESS),
            SurveyItem.of("专业技能", Dimension.ASSURANCE),
            SurveyItem.reversed("漠不关心", Dimension.EMPATHY));

    static List<SurveyResponse> cuihu(List<Integer> zhangPerception) {
        return List.of(
                SurveyResponse.of(List.of(6, 7, 7, 6, 6, 2), List.of(5, 5, 6, 4, 6, 3)).withId("3-1-502 王女士"),
                SurveyResponse.of(List.of(5, 7, 6, 7, 6, 1), List.of(5, 4, 5, 3, 5, 2)).withId("3-2-101 李先生"),
                SurveyResponse.of(List.of(6, 6, 7, 6, 5, 2), zhangPerception).withId("5-1-1203 张阿姨"),
                SurveyResponse.of(List.of(7, 7, 6, 7, 7, 1), List.of(6, 5, 5, 4, 5, 1)).withId("7-3-801 陈先生"));
    }

    static final DimensionWeights FIXED = DimensionWeights.of("10", "35", "25", "15", "15");

    @Test
    void servqualWithChineseItemsAndFixedWeights() {
        Servqual s = e.surveyServqual(Survey.of(CUIHU, cuihu(a(6, 6, null, 5, 6, 4))).withWeights(FIXED));
        assertEquals(4, s.respondents());
        // 按约上门: three pairs, E 19/3, P 16/3, gap −1.
        Servqual.Item visit = s.items().get(2);
        assertEquals("按约上门", visit.id());
        assertEquals(3, visit.answered());
        fig("6.3333", visit.expectation());
        fig("5.3333", visit.perception());
        fig("-1.0000", visit.gap());
        fig("-2.5000", s.items().get(3).gap());
        // 漠不关心 coded E 6,7,6,7 = 6.5, coded P 5,6,4,7 = 5.5.
        fig("6.5000", s.items().get(5).expectation());
        fig("5.5000", s.items().get(5).perception());
        // Reliability E 157/24 = 6.5417, P 31/6 = 5.1667, gap −11/8.
        Servqual.Dimension rel = s.dimension(Dimension.RELIABILITY);
        fig("6.5417", rel.expectation());
        fig("5.1667", rel.perception());
        fig("-1.3750", rel.gap());
        fig("6.3083", s.overall().expectation());
        fig("5.1333", s.overall().perception());
        fig("-1.1750", s.overall().gap());
        // (10·(−0.5) + 35·(−1.375) + 25·(−2.5) + 15·(−0.5) + 15·(−1))/100 = −1.38125 → −1.3813.
        assertEquals(WeightSource.FIXED, s.weighted().source());
        assertEquals(0, s.weighted().respondents());
        assertEquals(DimensionWeights.of("10.00", "35.00", "25.00", "15.00", "15.00"), s.weighted().weights());
        fig("-1.3813", s.weighted().gap());
    }

    @Test
    void respondentsOwnWeightsAreAveragedExactly() {
        List<SurveyResponse> r = new ArrayList<>(cuihu(a(6, 6, null, 5, 6, 4)));
        r.set(0, r.get(0).withWeights(DimensionWeights.of("10", "40", "30", "10", "10")));
        r.set(1, r.get(1).withWeights(DimensionWeights.of("15", "30", "20", "20", "15")));
        r.set(3, r.get(3).withWeights(DimensionWeights.of("5", "35", "35", "15", "10")));
        Servqual s = e.surveyServqual(Survey.of(CUIHU, r));
        // 28.333… and 11.666… shown to 2 places but used exactly: −1.43125 → −1.4313.
        assertEquals(WeightSource.RESPONDENTS, s.weighted().source());
        assertEquals(3, s.weighted().respondents());
        assertEquals(DimensionWeights.of("10.00", "35.00", "28.33", "15.00", "11.67"), s.weighted().weights());
        fig("-1.4313", s.weighted().gap());
    }

    @Test
    void aPerceptionOffTheScaleIsRefusedNamingTheOwnerAndTheItem() {
        RefusedException x = fails(RefusedException.class, Status.REFUSED, "invalid_survey",
                () -> e.surveyServqual(Survey.of(CUIHU, cuihu(a(6, 6, null, 5, 9, 4)))));
        assertEquals("responses[2] (5-1-1203 张阿姨), item 专业技能: perception 9 is outside the scale 1–7",
                x.getMessage());
        assertTrue(x.response().contains("张阿姨"), x.response());
    }

    @Test
    void weightsThatDoNotSumToOneHundredAreRefused() {
        RefusedException fixed = fails(RefusedException.class, Status.REFUSED, "invalid_survey",
                () -> e.surveyServqual(Survey.of(CUIHU, cuihu(a(6, 6, null, 5, 6, 4)))
                        .withWeights(DimensionWeights.of("10", "35", "25", "15", "16"))));
        assertEquals("weights: weights sum to 101, not 100", fixed.getMessage());
        List<SurveyResponse> r = new ArrayList<>(cuihu(a(6, 6, null, 5, 6, 4)));
        r.set(1, r.get(1).withWeights(DimensionWeights.of("15", "30", "20", "20", "10")));
        RefusedException own = fails(RefusedException.class, Status.REFUSED, "invalid_survey",
                () -> e.surveyServqual(Survey.of(CUIHU, r)));
        assertEquals("responses[1] (3-2-101 李先生) weights: weights sum to 95, not 100", own.getMessage());
    }

    @Test
    void servqualWithoutResponsesIsNullThroughoutButShowsItsWeights() {
        Servqual s = e.surveyServqual(Survey.of(CUIHU, List.of()).withWeights(FIXED));
        assertEquals(0, s.respondents());
        for (Servqual.Item i : s.items()) {
            assertEquals(0, i.answered());
            assertNull(i.expectation());
            assertNull(i.perception());
            assertNull(i.gap());
        }
        assertNull(s.dimension(Dimension.EMPATHY).gap());
        assertNull(s.overall().expectation());
        assertNull(s.overall().gap());
        assertEquals(WeightSource.FIXED, s.weighted().source());
        fig("35.00", s.weighted().weights().reliability());
        assertNull(s.weighted().gap());
    }

    @Test
    void theStandardTwentyTwoItems() {
        // Expectations 6 and 7 everywhere (6.5); dimension gaps −0.75, −1.5, −2.25, −0.5, −1.5;
        // overall −1.3; no weights: weighted null.
        Servqual s = e.surveyServqual(Survey.standard(List.of(
                SurveyResponse.of(Collections.nCopies(22, 6),
                        List.of(5, 5, 6, 6, 4, 4, 5, 5, 5, 3, 4, 4, 5, 6, 6, 6, 5, 5, 5, 4, 4, 5)),
                SurveyResponse.of(Collections.nCopies(22, 7),
                        List.of(6, 6, 6, 6, 5, 5, 5, 6, 6, 4, 4, 5, 5, 6, 7, 6, 6, 6, 5, 5, 5, 6)))));
        assertEquals(22, s.items().size());
        assertEquals("q1", s.items().get(0).id());
        assertEquals(Dimension.EMPATHY, s.items().get(21).dimension());
        fig("0.0000", s.items().get(14).gap());
        assertEquals(4, s.dimension(Dimension.TANGIBLES).items());
        fig("5.7500", s.dimension(Dimension.TANGIBLES).perception());
        fig("-0.7500", s.dimension(Dimension.TANGIBLES).gap());
        fig("-1.5000", s.dimension(Dimension.RELIABILITY).gap());
        fig("-2.2500", s.dimension(Dimension.RESPONSIVENESS).gap());
        fig("-0.5000", s.dimension(Dimension.ASSURANCE).gap());
        fig("-1.5000", s.dimension(Dimension.EMPATHY).gap());
        fig("6.5000", s.overall().expectation());
        fig("5.2000", s.overall().perception());
        fig("-1.3000", s.overall().gap());
        assertNull(s.weighted());
    }

    // ---------------------------------------------------------------- survey.servperf

    @Test
    void servperfOfTheReferenceExample() {
        // t 5.5, r 6, s 4.5, a 6 (one answer), e 6; overall 28/5 = 5.6; weighted 557.5/100 = 5.575.
        Servperf p = e.surveyServperf(Survey.of(List.of(
                SurveyItem.of("t", Dimension.TANGIBLES),
                SurveyItem.of("r", Dimension.RELIABILITY),
                SurveyItem.of("s", Dimension.RESPONSIVENESS),
                SurveyItem.of("a", Dimension.ASSURANCE),
                SurveyItem.of("e", Dimension.EMPATHY)), List.of(
                SurveyResponse.perceptions(List.of(5, 6, 4, 6, 5)),
                SurveyResponse.perceptions(a(6, 6, 5, null, 7))))
                .withWeights(DimensionWeights.of("10", "30", "25", "20", "15")));
        assertEquals(2, p.respondents());
        fig("5.5000", p.items().get(0).perception());
        assertEquals(1, p.items().get(3).answered());
        fig("6.0000", p.items().get(3).perception());
        fig("4.5000", p.dimensions().get(2).perception());
        fig("5.6000", p.overall());
        assertEquals(WeightSource.FIXED, p.weighted().source());
        fig("30.00", p.weighted().weights().reliability());
        fig("5.5750", p.weighted().perception());
    }

    @Test
    void servperfOfTheChineseQuestionnaire() {
        // Overall (5.5 + 31/6 + 4 + 5.5 + 5.5)/5 = 5.1333; weighted 5.008333… → 5.0083.
        Servperf p = e.surveyServperf(Survey.of(CUIHU, cuihu(a(6, 6, null, 5, 6, 4))).withWeights(FIXED));
        assertEquals("按约上门", p.items().get(2).id());
        assertEquals(3, p.items().get(2).answered());
        fig("5.3333", p.items().get(2).perception());
        assertEquals(Dimension.RELIABILITY, p.dimensions().get(1).dimension());
        assertEquals(2, p.dimensions().get(1).items());
        fig("5.1667", p.dimensions().get(1).perception());
        fig("5.1333", p.overall());
        fig("5.0083", p.weighted().perception());
    }

    // ---------------------------------------------------------------- survey.index

    @Test
    void satisfactionIndexOfTheReferenceExample() {
        // overall 8.25 → 80.5555…; vs_expectation 8 → 77.7777…; vs_ideal 20/3 → 62.9629…;
        // index 670/9 = 74.444… (one fraction, item scores not rounded first).
        SatisfactionIndex x = e.surveyIndex(
                List.of(IndexItem.of("overall", "40"), IndexItem.of("vs_expectation", "30"),
                        IndexItem.of("vs_ideal", "30")),
                List.of(l(9, 8, 7), l(10, null, 8), l(6, 7, 5), l(8, 9, null)));
        assertEquals(Scale.TEN, x.scale());
        assertEquals(4, x.respondents());
        SatisfactionIndex.Item overall = x.items().get(0);
        fig("40", overall.weight());
        assertEquals(4, overall.answered());
        fig("8.2500", overall.mean());
        fig("80.56", overall.score());
        assertEquals(3, x.items().get(1).answered());
        fig("77.78", x.items().get(1).score());
        fig("6.6667", x.items().get(2).mean());
        fig("62.96", x.items().get(2).score());
        fig("74.44", x.index());
    }

    @Test
    void satisfactionIndexWithChineseItems() {
        // 总体满意 8 → 77.78; 与期望相比 7.6 → 73.33; 与理想相比 (one skipped) 7.5 → 72.22;
        // index 673/9 = 74.777… → 74.78.
        SatisfactionIndex x = e.surveyIndex(Scale.TEN,
                List.of(IndexItem.of("总体满意 overall", "40"), IndexItem.of("与期望相比 vs expectation", "30"),
                        IndexItem.of("与理想相比 vs ideal", "30")),
                List.of(l(8, 7, 7), l(9, 9, 8), l(6, 5, null), l(10, 9, 9), l(7, 8, 6)));
        assertEquals("与理想相比 vs ideal", x.items().get(2).id());
        assertEquals(4, x.items().get(2).answered());
        fig("7.5000", x.items().get(2).mean());
        fig("72.22", x.items().get(2).score());
        fig("73.33", x.items().get(1).score());
        fig("74.78", x.index());
    }

    @Test
    void indexWeightsMustSumToOneHundred() {
        RefusedException x = fails(RefusedException.class, Status.REFUSED, "invalid_survey",
                () -> e.surveyIndex(List.of(IndexItem.of("a", "40"), IndexItem.of("b", "30"),
                        IndexItem.of("c", "20")), List.of()));
        assertEquals("items: weights sum to 90, not 100", x.getMessage());
    }

    // ---------------------------------------------------------------- survey.value

    @Test
    void customerValueOfTheReferenceExample() {
        // 保洁: 60 + 15 = 75; 75 − (45 + 5) = 25; 75 − 38 = 37. 维修: 92.5; −12.5; 22.5.
        CustomerValue v = e.surveyValue(List.of(
                ServiceLine.of("保洁 cleaning", "60.00", "15.00", "45.00", "5.00", "38.00"),
                ServiceLine.of("维修 repairs", "80", "12.5", "95", "10", "70")));
        CustomerValue.Line cleaning = v.lines().get(0);
        assertEquals("保洁 cleaning", cleaning.line());
        fig("75.00", cleaning.grossValue());
        fig("25.00", cleaning.customerValue());
        fig("37.00", cleaning.potentialProfit());
        assertEquals(List.of("顾客价值 customer value = (60.00 + 15.00) − (45.00 + 5.00) = 75.00 − 50.00 = 25.00",
                "公司潜在利润 potential profit = 75.00 − 38.00 = 37.00"), cleaning.text());
        CustomerValue.Line repairs = v.lines().get(1);
        fig("92.5", repairs.grossValue());
        fig("-12.5", repairs.customerValue());
        fig("22.5", repairs.potentialProfit());
        fig("167.50", v.total().grossValue());
        fig("12.50", v.total().customerValue());
        fig("59.50", v.total().potentialProfit());
    }

    @Test
    void customerValueWithoutLinesHasNoTotalsAndANegativeInputIsRefused() {
        CustomerValue v = e.surveyValue(List.of());
        assertTrue(v.lines().isEmpty());
        assertNull(v.total());
        RefusedException x = fails(RefusedException.class, Status.REFUSED, "invalid_survey",
                () -> e.surveyValue(List.of(ServiceLine.of("绿化 greening", "10", "2", "8", "0", "-1"))));
        assertEquals("lines[0] (绿化 greening): provision_cost is negative (-1)", x.getMessage());
    }

    // ---------------------------------------------------------------- the types

    @Test
    void inputsWriteTheContractsJson() {
        StringBuilder sb = new StringBuilder();
        SurveyResponse.of(List.of(6, 7), a(5, null)).withId("张")
                .withWeights(DimensionWeights.of("10", "22.5", "25", "20", "22.5")).writeJson(sb);
        assertEquals("{\"id\":\"张\",\"expectation\":[6,7],\"perception\":[5,null],\"weights\":{\"tangibles\":\"10\","
                + "\"reliability\":\"22.5\",\"responsiveness\":\"25\",\"assurance\":\"20\",\"empathy\":\"22.5\"}}",
                sb.toString());
        sb.setLength(0);
        SurveyResponse.perceptions(List.of(5)).writeJson(sb);
        assertEquals("{\"perception\":[5]}", sb.toString());
        sb.setLength(0);
        SurveyItem.reversed("漠不关心", Dimension.EMPATHY).writeJson(sb);
        assertEquals("{\"id\":\"漠不关心\",\"dimension\":\"empathy\",\"reverse\":true}", sb.toString());
        // Survey answers keep their nulls and are frozen.
        SurveyResponse r = SurveyResponse.of(a(1, null), a(null, 2));
        assertNull(r.expectation().get(1));
        assertThrows(UnsupportedOperationException.class, () -> r.perception().set(0, 3));
        assertEquals(Dimension.RESPONSIVENESS, Dimension.fromWire("responsiveness"));
        assertEquals("month", GroupBy.MONTH.wireName());
    }
}
