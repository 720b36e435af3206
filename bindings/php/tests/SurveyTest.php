<?php

declare(strict_types=1);

namespace Wuye\Tests;

use Wuye\Engine;
use Wuye\RefusedException;
use Wuye\Dimension;

/**
 * The survey operations 满意度 through their PHP methods. Every expected figure is the
 * hand-worked one of docs/contract.md ("Surveys 满意度") or tests/vectors/survey-scores.json
 * (worked out there with exact fractions, rounded once), restated in the comments. Figures
 * come back as decimal strings with their places ("60.00", not 60.0) and `null` for no data.
 */
final class SurveyTest extends WuyeTestCase
{
    /** @return array{low: string, high: string} */
    private static function iv(string $low, string $high): array
    {
        return ['low' => $low, 'high' => $high];
    }

    // ---- survey.proportion ------------------------------------------------------------------

    public function testAProportionIsAPercentWithItsWilsonInterval(): void
    {
        $e = Engine::standard();
        // 7 of 8: 87.50%; centre 0.753344…, half-width 0.224238… → [52.91, 97.76] outward.
        self::assertSame(['count' => 7, 'total' => 8, 'percent' => '87.50', 'interval' => self::iv('52.91', '97.76')], $e->surveyProportion(7, 8));
        // 45 of 50 satisfied: 90.00% in [78.63, 95.66].
        self::assertSame(['count' => 45, 'total' => 50, 'percent' => '90.00', 'interval' => self::iv('78.63', '95.66')], $e->surveyProportion(45, 50));
    }

    public function testAProportionOfNothingIsNullNotZero(): void
    {
        self::assertSame(['count' => 0, 'total' => 0, 'percent' => null, 'interval' => null], Engine::standard()->surveyProportion(0, 0));
    }

    public function testACountAboveTheTotalIsRefused(): void
    {
        $x = self::assertThrowsWuye(RefusedException::class, 'invalid_survey', fn () => Engine::standard()->surveyProportion(3, 2));
        self::assertSame('args: count 3 exceeds total 2', $x->getMessage());
    }

    // ---- survey.csat ------------------------------------------------------------------------

    public function testCsatCountsTheTopTwoBoxesOfFive(): void
    {
        // Fours and fives 6 of 10 = 60.00%; mean 36/10; Wilson → 31.26 … 83.19.
        self::assertSame([
            'scale' => ['min' => 1, 'max' => 5], 'top_boxes' => 2, 'answers' => 10,
            'distribution' => [1, 1, 2, 3, 3], 'mean' => '3.6000',
            'csat' => ['count' => 6, 'total' => 10, 'percent' => '60.00', 'interval' => self::iv('31.26', '83.19')],
        ], Engine::standard()->surveyCsat([5, 5, 4, 4, 4, 3, 3, 2, 5, 1]));
    }

    public function testCsatOnASevenPointScaleTopBoxOnly(): void
    {
        // Sevens 3 of 8 = 37.50%; mean 45/8 = 5.6250; Wilson → 13.68 … 69.43 outward.
        $c = Engine::standard()->surveyCsat([7, 6, 7, 5, 4, 7, 6, 3], ['min' => 1, 'max' => 7], 1);
        self::assertSame(['min' => 1, 'max' => 7], $c['scale']);
        self::assertSame(1, $c['top_boxes']);
        self::assertSame([0, 0, 1, 1, 1, 2, 3], $c['distribution']);
        self::assertSame('5.6250', $c['mean']);
        self::assertSame(['count' => 3, 'total' => 8, 'percent' => '37.50', 'interval' => self::iv('13.68', '69.43')], $c['csat']);
    }

    public function testCsatWithoutAnswersHasNoFigures(): void
    {
        $c = Engine::standard()->surveyCsat([]);
        self::assertSame(0, $c['answers']);
        self::assertSame([0, 0, 0, 0, 0], $c['distribution']);
        self::assertNull($c['mean']);
        self::assertSame(['count' => 0, 'total' => 0, 'percent' => null, 'interval' => null], $c['csat']);
    }

    public function testAnAnswerOffTheScaleIsRefusedNamingIt(): void
    {
        $e = Engine::standard();
        $x = self::assertThrowsWuye(RefusedException::class, 'invalid_survey', fn () => $e->surveyCsat([5, 4, 6]));
        self::assertSame('answers[2]: answer 6 is outside the scale 1–5', $x->getMessage());
        self::assertThrowsWuye(RefusedException::class, 'invalid_survey', fn () => $e->surveyCsat([5], topBoxes: 5));
    }

    // ---- survey.nps -------------------------------------------------------------------------

    public function testNpsOfTenAnswers(): void
    {
        // P 5, passives 2, D 3: NPS 20.00; SE 27.5680… → 27.57; margin 54.0334… → 54.03;
        // interval [−34.0334…, 74.0334…] → −34.04 and 74.04.
        self::assertSame([
            'answers' => 10, 'distribution' => [1, 0, 0, 1, 0, 0, 1, 1, 1, 3, 2],
            'promoters' => ['count' => 5, 'percent' => '50.00'], 'passives' => ['count' => 2, 'percent' => '20.00'],
            'detractors' => ['count' => 3, 'percent' => '30.00'],
            'nps' => '20.00', 'standard_error' => '27.57', 'margin' => '54.03', 'interval' => self::iv('-34.04', '74.04'),
        ], Engine::standard()->surveyNps([10, 10, 9, 9, 9, 8, 7, 6, 3, 0]));
    }

    public function testANegativeNpsHasItsIntervalClamped(): void
    {
        // P 1, D 4 of 5: −60.00; SE √1280 = 35.7771…; margin 70.1231…; low clamps to −100.
        $n = Engine::standard()->surveyNps([0, 3, 6, 6, 9]);
        self::assertSame(['-60.00', '35.78', '70.12'], [$n['nps'], $n['standard_error'], $n['margin']]);
        self::assertSame(self::iv('-100.00', '10.13'), $n['interval']);
        self::assertSame(['count' => 0, 'percent' => '0.00'], $n['passives']);
    }

    public function testNpsWithoutAnswersIsNullThroughout(): void
    {
        $e = Engine::standard();
        self::assertSame([
            'answers' => 0, 'distribution' => array_fill(0, 11, 0),
            'promoters' => ['count' => 0, 'percent' => null], 'passives' => ['count' => 0, 'percent' => null],
            'detractors' => ['count' => 0, 'percent' => null],
            'nps' => null, 'standard_error' => null, 'margin' => null, 'interval' => null,
        ], $e->surveyNps([]));
        $x = self::assertThrowsWuye(RefusedException::class, 'invalid_survey', fn () => $e->surveyNps([10, 11]));
        self::assertSame('answers[1]: answer 11 is outside the scale 0–10', $x->getMessage());
    }

    // ---- survey.servqual --------------------------------------------------------------------

    public function testServqualOfTheReferenceExample(): void
    {
        $r = Engine::standard()->surveyServqual([
            ['id' => '1-1-101', 'expectation' => [6, 7, 6, 6, 5, 3], 'perception' => [5, 6, 6, 4, 5, 4],
             'weights' => ['tangibles' => '10', 'reliability' => '30', 'responsiveness' => '25', 'assurance' => '20', 'empathy' => '15']],
            ['id' => '1-1-102', 'expectation' => [7, 7, 5, 6, 6, 2], 'perception' => [6, 5, null, 5, 6, 2],
             'weights' => ['tangibles' => '20', 'reliability' => '20', 'responsiveness' => '20', 'assurance' => '20', 'empathy' => '20']],
            ['id' => '1-2-201', 'expectation' => [5, 6, 7, 7, 6, 1], 'perception' => [5, 7, 5, 6, 6, 3]],
        ], items: [
            ['id' => 't1', 'dimension' => Dimension::Tangibles],
            ['id' => 'r1', 'dimension' => Dimension::Reliability],
            ['id' => 'r2', 'dimension' => Dimension::Reliability],
            ['id' => 's1', 'dimension' => Dimension::Responsiveness],
            ['id' => 'a1', 'dimension' => Dimension::Assurance],
            ['id' => 'e1', 'dimension' => Dimension::Empathy, 'reverse' => true],
        ]);
        self::assertSame(3, $r['respondents']);
        self::assertSame(['min' => 1, 'max' => 7], $r['scale']);
        // t1: E 18/3 = 6, P 16/3, gap −2/3. r2: two answered both: 6.5, 5.5, −1.
        self::assertSame(['id' => 't1', 'dimension' => 'tangibles', 'answered' => 3, 'expectation' => '6.0000', 'perception' => '5.3333', 'gap' => '-0.6667'], $r['items'][0]);
        self::assertSame(['id' => 'r2', 'dimension' => 'reliability', 'answered' => 2, 'expectation' => '6.5000', 'perception' => '5.5000', 'gap' => '-1.0000'], $r['items'][2]);
        // e1 reverse-coded: E 3, 2, 1 → 5, 6, 7; P 4, 2, 3 → 4, 6, 5.
        self::assertSame(['6.0000', '5.0000'], [$r['items'][5]['expectation'], $r['items'][5]['perception']]);
        // Reliability: E 79/12, P 23/4, gap −5/6.
        self::assertSame(['dimension' => 'reliability', 'items' => 2, 'expectation' => '6.5833', 'perception' => '5.7500', 'gap' => '-0.8333'], $r['dimensions'][1]);
        // Overall E 367/60, P 321/60, gap −23/30.
        self::assertSame(['expectation' => '6.1167', 'perception' => '5.3500', 'gap' => '-0.7667'], $r['overall']);
        // Weights averaged over the two who gave them; weighted gap −235/300.
        self::assertSame(['source' => 'respondents', 'respondents' => 2,
            'weights' => ['tangibles' => '15.00', 'reliability' => '25.00', 'responsiveness' => '22.50', 'assurance' => '20.00', 'empathy' => '17.50'],
            'gap' => '-0.7833'], $r['weighted']);
    }

    /** @return list<array<string, mixed>> the six items of the 翠湖花园 questionnaire, 漠不关心 reverse-coded */
    private static function cuihuItems(): array
    {
        return [
            ['id' => '门岗形象', 'dimension' => Dimension::Tangibles],
            ['id' => '报修及时', 'dimension' => 'reliability'],
            ['id' => '按约上门', 'dimension' => Dimension::Reliability],
            ['id' => '响应速度', 'dimension' => Dimension::Responsiveness],
            ['id' => '专业技能', 'dimension' => Dimension::Assurance],
            ['id' => '漠不关心', 'dimension' => Dimension::Empathy, 'reverse' => true],
        ];
    }

    /**
     * @param list<int|null> $zhang 张阿姨's perceptions
     * @return list<array<string, mixed>> the four owners' answers
     */
    private static function cuihu(array $zhang = [6, 6, null, 5, 6, 4]): array
    {
        return [
            ['id' => '3-1-502 王女士', 'expectation' => [6, 7, 7, 6, 6, 2], 'perception' => [5, 5, 6, 4, 6, 3]],
            ['id' => '3-2-101 李先生', 'expectation' => [5, 7, 6, 7, 6, 1], 'perception' => [5, 4, 5, 3, 5, 2]],
            ['id' => '5-1-1203 张阿姨', 'expectation' => [6, 6, 7, 6, 5, 2], 'perception' => $zhang],
            ['id' => '7-3-801 陈先生', 'expectation' => [7, 7, 6, 7, 7, 1], 'perception' => [6, 5, 5, 4, 5, 1]],
        ];
    }

    private const FIXED = ['tangibles' => '10', 'reliability' => '35', 'responsiveness' => '25', 'assurance' => '15', 'empathy' => '15'];

    public function testServqualWithChineseItemsAndFixedWeights(): void
    {
        $r = Engine::standard()->surveyServqual(self::cuihu(), self::cuihuItems(), weights: self::FIXED);
        self::assertSame(4, $r['respondents']);
        // 按约上门: three pairs, E 19/3, P 16/3, gap −1.
        self::assertSame(['id' => '按约上门', 'dimension' => 'reliability', 'answered' => 3, 'expectation' => '6.3333', 'perception' => '5.3333', 'gap' => '-1.0000'], $r['items'][2]);
        // 漠不关心 coded E 6,7,6,7 = 6.5, coded P 5,6,4,7 = 5.5.
        self::assertSame(['6.5000', '5.5000', '-1.0000'], [$r['items'][5]['expectation'], $r['items'][5]['perception'], $r['items'][5]['gap']]);
        // Reliability E 157/24, P 31/6, gap −11/8.
        self::assertSame(['6.5417', '5.1667', '-1.3750'], [$r['dimensions'][1]['expectation'], $r['dimensions'][1]['perception'], $r['dimensions'][1]['gap']]);
        self::assertSame(['expectation' => '6.3083', 'perception' => '5.1333', 'gap' => '-1.1750'], $r['overall']);
        // (10·(−0.5) + 35·(−1.375) + 25·(−2.5) + 15·(−0.5) + 15·(−1))/100 = −1.38125 → −1.3813.
        self::assertSame(['source' => 'fixed', 'respondents' => 0,
            'weights' => ['tangibles' => '10.00', 'reliability' => '35.00', 'responsiveness' => '25.00', 'assurance' => '15.00', 'empathy' => '15.00'],
            'gap' => '-1.3813'], $r['weighted']);
    }

    public function testRespondentsOwnWeightsAreAveragedExactly(): void
    {
        $answers = self::cuihu();
        $answers[0]['weights'] = ['tangibles' => '10', 'reliability' => '40', 'responsiveness' => '30', 'assurance' => '10', 'empathy' => '10'];
        $answers[1]['weights'] = ['tangibles' => '15', 'reliability' => '30', 'responsiveness' => '20', 'assurance' => '20', 'empathy' => '15'];
        $answers[3]['weights'] = ['tangibles' => '5', 'reliability' => '35', 'responsiveness' => '35', 'assurance' => '15', 'empathy' => '10'];
        $w = Engine::standard()->surveyServqual($answers, self::cuihuItems())['weighted'];
        // 28.333… and 11.666… shown to 2 places, used exactly: −1.43125 → −1.4313.
        self::assertSame(['source' => 'respondents', 'respondents' => 3,
            'weights' => ['tangibles' => '10.00', 'reliability' => '35.00', 'responsiveness' => '28.33', 'assurance' => '15.00', 'empathy' => '11.67'],
            'gap' => '-1.4313'], $w);
    }

    public function testAPerceptionOffTheScaleIsRefusedNamingTheOwnerAndTheItem(): void
    {
        $x = self::assertThrowsWuye(RefusedException::class, 'invalid_survey',
            fn () => Engine::standard()->surveyServqual(self::cuihu([6, 6, null, 5, 9, 4]), self::cuihuItems()));
        self::assertSame('responses[2] (5-1-1203 张阿姨), item 专业技能: perception 9 is outside the scale 1–7', $x->getMessage());
    }

    public function testWeightsThatDoNotSumToOneHundredAreRefused(): void
    {
        $e = Engine::standard();
        $fixed = self::assertThrowsWuye(RefusedException::class, 'invalid_survey',
            fn () => $e->surveyServqual(self::cuihu(), self::cuihuItems(), weights: ['empathy' => '16'] + self::FIXED));
        self::assertSame('weights: weights sum to 101, not 100', $fixed->getMessage());
        $answers = self::cuihu();
        $answers[1]['weights'] = ['tangibles' => '15', 'reliability' => '30', 'responsiveness' => '20', 'assurance' => '20', 'empathy' => '10'];
        $own = self::assertThrowsWuye(RefusedException::class, 'invalid_survey', fn () => $e->surveyServqual($answers, self::cuihuItems()));
        self::assertSame('responses[1] (3-2-101 李先生) weights: weights sum to 95, not 100', $own->getMessage());
    }

    public function testServqualWithoutResponsesIsNullThroughoutButShowsItsWeights(): void
    {
        $r = Engine::standard()->surveyServqual([], self::cuihuItems(), weights: self::FIXED);
        self::assertSame(0, $r['respondents']);
        foreach ($r['items'] as $item) {
            self::assertSame([0, null, null, null], [$item['answered'], $item['expectation'], $item['perception'], $item['gap']]);
        }
        self::assertNull($r['dimensions'][4]['gap']);
        self::assertSame(['expectation' => null, 'perception' => null, 'gap' => null], $r['overall']);
        self::assertSame('35.00', $r['weighted']['weights']['reliability']);
        self::assertNull($r['weighted']['gap']);
    }

    public function testTheStandardTwentyTwoItems(): void
    {
        // Expectations 6 and 7 (6.5); dimension gaps −0.75, −1.5, −2.25, −0.5, −1.5; overall
        // −1.3; no weights: weighted null.
        $r = Engine::standard()->surveyServqual([
            ['expectation' => array_fill(0, 22, 6), 'perception' => [5, 5, 6, 6, 4, 4, 5, 5, 5, 3, 4, 4, 5, 6, 6, 6, 5, 5, 5, 4, 4, 5]],
            ['expectation' => array_fill(0, 22, 7), 'perception' => [6, 6, 6, 6, 5, 5, 5, 6, 6, 4, 4, 5, 5, 6, 7, 6, 6, 6, 5, 5, 5, 6]],
        ]);
        self::assertCount(22, $r['items']);
        self::assertSame(['q1', 'tangibles'], [$r['items'][0]['id'], $r['items'][0]['dimension']]);
        self::assertSame(['q22', 'empathy'], [$r['items'][21]['id'], $r['items'][21]['dimension']]);
        self::assertSame('0.0000', $r['items'][14]['gap']);
        self::assertSame([4, 5, 4, 4, 5], array_column($r['dimensions'], 'items'));
        self::assertSame(['-0.7500', '-1.5000', '-2.2500', '-0.5000', '-1.5000'], array_column($r['dimensions'], 'gap'));
        self::assertSame(['expectation' => '6.5000', 'perception' => '5.2000', 'gap' => '-1.3000'], $r['overall']);
        self::assertNull($r['weighted']);
    }

    // ---- survey.servperf --------------------------------------------------------------------

    public function testServperfOfTheReferenceExample(): void
    {
        // t 5.5, r 6, s 4.5, a 6 (one answer), e 6; overall 28/5 = 5.6; weighted 557.5/100.
        $p = Engine::standard()->surveyServperf([['perception' => [5, 6, 4, 6, 5]], ['perception' => [6, 6, 5, null, 7]]], items: [
            ['id' => 't', 'dimension' => Dimension::Tangibles],
            ['id' => 'r', 'dimension' => Dimension::Reliability],
            ['id' => 's', 'dimension' => Dimension::Responsiveness],
            ['id' => 'a', 'dimension' => Dimension::Assurance],
            ['id' => 'e', 'dimension' => Dimension::Empathy],
        ], weights: ['tangibles' => '10', 'reliability' => '30', 'responsiveness' => '25', 'assurance' => '20', 'empathy' => '15']);
        self::assertSame(2, $p['respondents']);
        self::assertSame(['5.5000', '6.0000', '4.5000', '6.0000', '6.0000'], array_column($p['items'], 'perception'));
        self::assertSame([2, 2, 2, 1, 2], array_column($p['items'], 'answered'));
        self::assertSame(['dimension' => 'responsiveness', 'items' => 1, 'perception' => '4.5000'], $p['dimensions'][2]);
        self::assertSame('5.6000', $p['overall']);
        self::assertSame(['source' => 'fixed', 'respondents' => 0,
            'weights' => ['tangibles' => '10.00', 'reliability' => '30.00', 'responsiveness' => '25.00', 'assurance' => '20.00', 'empathy' => '15.00'],
            'perception' => '5.5750'], $p['weighted']);
    }

    public function testServperfOfTheChineseQuestionnaire(): void
    {
        // Overall (5.5 + 31/6 + 4 + 5.5 + 5.5)/5 = 5.1333; weighted 5.008333… → 5.0083.
        $p = Engine::standard()->surveyServperf(self::cuihu(), self::cuihuItems(), weights: self::FIXED);
        self::assertSame(['id' => '按约上门', 'dimension' => 'reliability', 'answered' => 3, 'perception' => '5.3333'], $p['items'][2]);
        self::assertSame(['dimension' => 'reliability', 'items' => 2, 'perception' => '5.1667'], $p['dimensions'][1]);
        self::assertSame('5.1333', $p['overall']);
        self::assertSame('5.0083', $p['weighted']['perception']);
    }

    // ---- survey.index -----------------------------------------------------------------------

    public function testSatisfactionIndexOfTheReferenceExample(): void
    {
        // overall 8.25 → 80.5555…; vs_expectation 8 → 77.7777…; vs_ideal 20/3 → 62.9629…;
        // index 670/9 = 74.444… (one fraction).
        self::assertSame([
            'scale' => ['min' => 1, 'max' => 10], 'respondents' => 4, 'items' => [
                ['id' => 'overall', 'weight' => '40', 'answered' => 4, 'mean' => '8.2500', 'score' => '80.56'],
                ['id' => 'vs_expectation', 'weight' => '30', 'answered' => 3, 'mean' => '8.0000', 'score' => '77.78'],
                ['id' => 'vs_ideal', 'weight' => '30', 'answered' => 3, 'mean' => '6.6667', 'score' => '62.96'],
            ], 'index' => '74.44',
        ], Engine::standard()->surveyIndex(
            [['id' => 'overall', 'weight' => '40'], ['id' => 'vs_expectation', 'weight' => '30'], ['id' => 'vs_ideal', 'weight' => '30']],
            [[9, 8, 7], [10, null, 8], [6, 7, 5], [8, 9, null]],
        ));
    }

    public function testSatisfactionIndexWithChineseItems(): void
    {
        // 总体满意 8 → 77.78; 与期望相比 7.6 → 73.33; 与理想相比 7.5 → 72.22; index 673/9 → 74.78.
        $x = Engine::standard()->surveyIndex(
            [['id' => '总体满意 overall', 'weight' => '40'], ['id' => '与期望相比 vs expectation', 'weight' => '30'], ['id' => '与理想相比 vs ideal', 'weight' => '30']],
            [[8, 7, 7], [9, 9, 8], [6, 5, null], [10, 9, 9], [7, 8, 6]],
            ['min' => 1, 'max' => 10],
        );
        self::assertSame(['id' => '与理想相比 vs ideal', 'weight' => '30', 'answered' => 4, 'mean' => '7.5000', 'score' => '72.22'], $x['items'][2]);
        self::assertSame(['77.78', '73.33', '72.22'], array_column($x['items'], 'score'));
        self::assertSame('74.78', $x['index']);
    }

    public function testIndexWeightsMustSumToOneHundred(): void
    {
        $x = self::assertThrowsWuye(RefusedException::class, 'invalid_survey', fn () => Engine::standard()->surveyIndex(
            [['id' => 'a', 'weight' => '40'], ['id' => 'b', 'weight' => '30'], ['id' => 'c', 'weight' => '20']],
            [],
        ));
        self::assertSame('items: weights sum to 90, not 100', $x->getMessage());
    }

    // ---- survey.value -----------------------------------------------------------------------

    public function testCustomerValueOfTheReferenceExample(): void
    {
        // 保洁: 60 + 15 = 75; 75 − (45 + 5) = 25; 75 − 38 = 37. 维修: 92.5; −12.5; 22.5.
        self::assertSame(['lines' => [
            ['line' => '保洁 cleaning', 'gross_value' => '75.00', 'customer_value' => '25.00', 'potential_profit' => '37.00',
             'text' => ['顾客价值 customer value = (60.00 + 15.00) − (45.00 + 5.00) = 75.00 − 50.00 = 25.00',
                 '公司潜在利润 potential profit = 75.00 − 38.00 = 37.00']],
            ['line' => '维修 repairs', 'gross_value' => '92.5', 'customer_value' => '-12.5', 'potential_profit' => '22.5',
             'text' => ['顾客价值 customer value = (80 + 12.5) − (95 + 10) = 92.5 − 105 = -12.5',
                 '公司潜在利润 potential profit = 92.5 − 70 = 22.5']],
        ], 'total' => ['gross_value' => '167.50', 'customer_value' => '12.50', 'potential_profit' => '59.50']],
        Engine::standard()->surveyValue([
            ['line' => '保洁 cleaning', 'utility' => '60.00', 'process_quality' => '15.00', 'price' => '45.00', 'access_cost' => '5.00', 'provision_cost' => '38.00'],
            ['line' => '维修 repairs', 'utility' => '80', 'process_quality' => '12.5', 'price' => '95', 'access_cost' => '10', 'provision_cost' => '70'],
        ]));
    }

    public function testCustomerValueWithoutLinesHasNoTotalsAndANegativeInputIsRefused(): void
    {
        $e = Engine::standard();
        self::assertSame(['lines' => [], 'total' => null], $e->surveyValue([]));
        $x = self::assertThrowsWuye(RefusedException::class, 'invalid_survey', fn () => $e->surveyValue([
            ['line' => '绿化 greening', 'utility' => '10', 'process_quality' => '2', 'price' => '8', 'access_cost' => '0', 'provision_cost' => '-1'],
        ]));
        self::assertSame('lines[0] (绿化 greening): provision_cost is negative (-1)', $x->getMessage());
    }
}
