<?php

declare(strict_types=1);

namespace Wuye\Tests;

use Wuye\Engine;
use Wuye\InvalidRequestException;
use Wuye\RefusedException;

/**
 * The fee operations 收费 through their PHP methods, with figures worked out by hand (the
 * examples of docs/contract.md and the sample estate of cli/data/sample-estate/fees). Money
 * goes in and comes out as decimal strings.
 */
final class FeeTest extends WuyeTestCase
{
    /** @return array<string, mixed> one high-rise type, the property fee at 2.35 ¥/m²/month */
    private static function schedule(array $item = [], array $rates = [['item' => 'property_fee', 'from' => '2020-01-01', 'price' => '2.35']]): array
    {
        return [
            'unit_types' => [['code' => 'high_rise', 'name' => '高层']],
            'items' => [['code' => 'property_fee', 'name' => '物业服务费', 'formula' => ['kind' => 'area']] + $item],
            'rates' => $rates,
            'billing' => ['collection' => 'prepaid', 'due_days' => 15],
        ];
    }

    /** The estate of the `fee.load_estate` example: two high-rise units (one vacant) and a villa. */
    private static function loadExample(Engine $e): array
    {
        return $e->feeLoadEstate([
            'unit_types' => [['code' => 'high_rise', 'name' => '高层'], ['code' => 'villa', 'name' => '别墅']],
            'items' => [
                ['code' => 'property_fee', 'name' => '物业服务费', 'formula' => ['kind' => 'area'], 'state_discounts' => ['vacant' => '30']],
                ['code' => 'water', 'name' => '水费', 'formula' => ['kind' => 'metered']],
            ],
            'rates' => [
                ['item' => 'property_fee', 'unit_types' => ['high_rise'], 'from' => '2020-01-01', 'price' => '2.35'],
                ['item' => 'property_fee', 'unit_types' => ['villa'], 'from' => '2020-01-01', 'price' => '4.80'],
                ['item' => 'water', 'from' => '2020-01-01', 'tiers' => [['up_to' => '15', 'price' => '3.50'], ['price' => '4.90']]],
            ],
        ], [
            ['id' => '1-101', 'unit_type' => 'high_rise', 'building_area' => '98.76'],
            ['id' => '1-102', 'unit_type' => 'high_rise', 'building_area' => '120.50', 'states' => [['from' => '2025-06-01', 'state' => 'vacant']]],
            ['id' => 'V-01', 'unit_type' => 'villa', 'building_area' => '210'],
        ]);
    }

    /** @return array{readings: list<array<string, string>>} the readings of the `fee.bill_estate` example */
    private static function readings(): array
    {
        return ['readings' => [
            ['unit' => '1-101', 'item' => 'water', 'date' => '2026-09-30', 'previous' => '100', 'current' => '118'],
            ['unit' => 'V-01', 'item' => 'water', 'date' => '2026-09-30', 'previous' => '500', 'current' => '530'],
        ]];
    }

    /** @return array<string, mixed> 1-101's account: August's property fee, 232.09, due 2026-08-16 */
    private static function account(): array
    {
        return [
            'id' => '1-101',
            'policy' => ['late_fee' => ['daily_rate' => '0.0003']],
            'charges' => [['id' => 'B2608-1', 'item' => 'property_fee', 'due' => '2026-08-16', 'amount' => '232.09']],
            'last_date' => '2026-08-01',
        ];
    }

    public function testAMidMonthHandOverIsProratedByDays(): void
    {
        // Handed over 2026-09-16: Sep 1–15 not handed over (100% off), Sep 16–30 occupied.
        // September has 30 days: 98.76 × 2.35 × 15/30 = 116.043 → 116.04 (half-up to the fen).
        $r = Engine::standard()->feeBill('2026-09', schedule: self::schedule(), units: [
            ['id' => '3-1-502', 'unit_type' => 'high_rise', 'building_area' => '98.76', 'states' => [['from' => '2026-09-16', 'state' => 'occupied']]],
        ]);
        self::assertSame('116.04', $r['total']);
        $bill = $r['bills'][0];
        self::assertSame(['3-1-502', '2026-09', '116.04'], [$bill['unit'], $bill['period'], $bill['total']]);
        $line = $bill['lines'][0];
        // Prepaid, due 15 days after the period's first day.
        self::assertSame(['property_fee', '物业服务费', '116.04', '2026-09-16', true], [$line['item'], $line['name'], $line['amount'], $line['due'], $line['late_fee']]);
        $segments = $line['trace']['segments'];
        self::assertSame([['not_handed_over', 15, '100', '0'], ['occupied', 15, '0', '116.043']], array_map(
            static fn (array $s): array => [$s['state'], $s['days'], $s['discount'], $s['amount']],
            $segments,
        ));
        self::assertSame([['of' => '2026-09', 'exact' => '116.043', 'amount' => '116.04']], $line['trace']['rounding']['steps']);
        self::assertSame('2026-09-16..2026-09-30 occupied 已入住: 98.76 × 2.35 × 15/30 = 116.043', $line['trace']['text'][2]);
    }

    public function testTwelveMonthsRoundedPerMonthOrOncePerLine(): void
    {
        $unit = [['id' => '1-101', 'unit_type' => 'high_rise', 'building_area' => '98.76']];
        $e = Engine::standard();
        // 98.76 × 2.35 = 232.086 a month. Per month (the default): 232.09 × 12 = 2785.08.
        $monthly = $e->feeBill('2026', schedule: self::schedule(), units: $unit)['bills'][0]['lines'][0];
        self::assertSame('2785.08', $monthly['amount']);
        self::assertCount(12, $monthly['trace']['rounding']['steps']);
        self::assertSame(['2026-01', '232.086', '232.09'], array_values($monthly['trace']['rounding']['steps'][0]));
        // Once per line: 232.086 × 12 = 2785.032 → 2785.03.
        $once = $e->feeBill('2026', schedule: self::schedule(['rounding_point' => 'per_line']), units: $unit)['bills'][0]['lines'][0];
        self::assertSame('2785.03', $once['amount']);
        self::assertSame([['of' => 'line', 'exact' => '2785.032', 'amount' => '2785.03']], $once['trace']['rounding']['steps']);
    }

    public function testLoadTheEstateOnceThenBillItCompactly(): void
    {
        $e = Engine::standard();
        self::assertNull($e->loadedEstate());
        self::assertSame(['units' => 3, 'items' => ['property_fee', 'water']], self::loadExample($e));
        self::assertSame(['units' => ['1-101', '1-102', 'V-01'], 'items' => ['property_fee', 'water']], $e->loadedEstate());
        // 1-101: 98.76 × 2.35 = 232.086 → 232.09; water 18 m³: 15 × 3.50 + 3 × 4.90 = 52.50 + 14.70 = 67.20.
        // 1-102, vacant (30% off): 120.50 × 2.35 = 283.175 × 70% = 198.2225 → 198.22; no reading.
        // V-01: 210 × 4.80 = 1008.00; water 30 m³: 52.50 + 15 × 4.90 = 126.00. Total 1631.51.
        self::assertSame([
            'period' => '2026-09',
            'lines' => ['unit' => [0, 0, 1, 2, 2], 'item' => [0, 1, 0, 0, 1], 'amount' => ['232.09', '67.20', '198.22', '1008.00', '126.00']],
            'total' => '1631.51',
        ], $e->feeBillEstate('2026-09', ...self::readings()));
        self::assertSame([
            'period' => '2026-09',
            'rows' => [
                ['1-101', 'property_fee', '232.09'], ['1-101', 'water', '67.20'], ['1-102', 'property_fee', '198.22'],
                ['V-01', 'property_fee', '1008.00'], ['V-01', 'water', '126.00'],
            ],
            'total' => '1631.51',
        ], $e->billEstateRows('2026-09', ...self::readings()));
        // The same readings as columns (units by index: 1-101 is 0, V-01 is 2): the same lines.
        self::assertSame($e->feeBillEstate('2026-09', ...self::readings()), $e->feeBillEstate('2026-09', readings: [
            'unit' => [0, 2], 'item' => 'water', 'date' => '2026-09-30', 'previous' => [100, '500'], 'current' => ['118', 530],
        ]));
        // The traced bill of one unit of the loaded estate: the same amount.
        $r = $e->feeBill('2026-09', ...self::readings(), only: ['1-102']);
        self::assertSame(['1-102'], array_column($r['bills'], 'unit'));
        self::assertSame('198.22', $r['total']);
        self::assertSame(['vacant', '30', '198.2225'], [
            $r['bills'][0]['lines'][0]['trace']['segments'][0]['state'],
            $r['bills'][0]['lines'][0]['trace']['segments'][0]['discount'],
            $r['bills'][0]['lines'][0]['trace']['segments'][0]['amount'],
        ]);
        // Without inputs: no water lines. A quarter: 3 × 232.09 for 1-101.
        self::assertSame(['232.09', '198.22', '1008.00'], $e->feeBillEstate('2026-09')['lines']['amount']);
        self::assertSame('696.27', $e->feeBillEstate('2026-Q3')['lines']['amount'][0]);
    }

    public function testTheFastColumnCutReadsWhatJsonDecodeReads(): void
    {
        $e = Engine::standard();
        self::loadExample($e);
        $response = $e->callJson(\Wuye\Contract::request('fee.bill_estate', ['period' => '2026-09'] + self::readings()));
        $decoded = json_decode($response, true, 512, JSON_THROW_ON_ERROR)['result'];
        $cut = Engine::compactColumns($response);
        self::assertNotNull($cut);
        $cut['lines']['unit'] = array_map('intval', $cut['lines']['unit']);
        $cut['lines']['item'] = array_map('intval', $cut['lines']['item']);
        self::assertSame($decoded, $cut);
        // An estate without units: empty columns.
        $e->feeLoadEstate(self::schedule(), []);
        self::assertSame(['period' => '2026-09', 'lines' => ['unit' => [], 'item' => [], 'amount' => []], 'total' => '0.00'], $e->feeBillEstate('2026-09'));
        self::assertSame(['period' => '2026-09', 'rows' => [], 'total' => '0.00'], $e->billEstateRows('2026-09'));
        // Anything but the success shape is left to Contract::decode.
        self::assertNull(Engine::compactColumns('{"v":1,"ok":false,"error":{"status":7,"code":"no_estate","message":"x"}}'));
        self::assertNull(Engine::compactColumns('{"v":1,"ok":true,"result":{"period":"2026-09","lines":{"unit":[0],"item":[],"amount":[]},"total":"0.00"}}'));
        self::assertNull(Engine::compactColumns('{"v":1,"ok":true,"result":{"period":"2026-09","lines":{"unit":[],"item":[],"amount":[]},"total":"0.00","x":"y"}}'));
    }

    public function testTheSampleEstateFromItsJsonFiles(): void
    {
        $dir = dirname(__DIR__, 3) . '/cli/data/sample-estate/fees';
        $e = Engine::standard();
        // Schedule and units as JSON text, passed through unchanged.
        $loaded = $e->feeLoadEstate((string) file_get_contents("$dir/schedule.json"), (string) file_get_contents("$dir/units.json"));
        self::assertSame(6, $loaded['units']);
        $inputs = json_decode((string) file_get_contents("$dir/inputs-2026-09.json"), true, 512, JSON_THROW_ON_ERROR);
        $rows = [];
        foreach ($e->billEstateRows('2026-09', ...$inputs)['rows'] as [$unit, $item, $amount]) {
            $rows["$unit $item"] = $amount;
        }
        // 1-1-501, 98.76 m² high-rise, 2.35 until Sep 15 and 2.50 from Sep 16:
        // 98.76 × 2.35 × 15/30 + 98.76 × 2.50 × 15/30 = 116.043 + 123.45 = 239.493 → 239.49.
        self::assertSame('239.49', $rows['1-1-501 property_fee']);
        // Water 1252 − 1234 = 18 m³ after 170 m³ this year: 10 × 5.00 + 8 × 7.00 = 106.00.
        self::assertSame('106.00', $rows['1-1-501 water']);
        // 1-1-502 vacant, 30% off: 120.50 × 2.425 = 292.2125 × 70% = 204.54875 → 204.55.
        self::assertSame('204.55', $rows['1-1-502 property_fee']);
        // 1-2-1101 handed over Sep 16: 89.30 × 2.50 × 15/30 = 111.625 → 111.63.
        self::assertSame('111.63', $rows['1-2-1101 property_fee']);
        // Lift power 186.40 over 98.76 + 120.50 + 89.30 = 308.56 m²: 59.6605…, 72.7936…, 53.9458…;
        // floors 59.66 + 72.79 + 53.94 = 186.39, the fen left to the largest remainder (.58): 53.95.
        self::assertSame(['59.66', '72.79', '53.95'], [$rows['1-1-501 lift_power'], $rows['1-1-502 lift_power'], $rows['1-2-1101 lift_power']]);
        // V-08: meter replaced: (9890 − 9876) + (25 − 0) = 39 m³ after 240: 20 × 7.00 + 19 × 9.00 = 311.00;
        // 3 h housekeeping × 50.00 = 150.00; parked 18:20–21:05 = 165 min: 5.00 + ⌈105/30⌉ × 2.00 = 13.00.
        self::assertSame(['1272.00', '311.00', '150.00', '13.00'], [$rows['V-08 property_fee'], $rows['V-08 water'], $rows['V-08 housekeeping'], $rows['V-08 temp_parking']]);
        // S-03: meter wrapped at 10000: (10000 − 9990) + 12 = 22 m³, all above 260: 198.00.
        self::assertSame(['378.30', '80.00', '198.00'], [$rows['S-03 property_fee'], $rows['S-03 rubbish'], $rows['S-03 water']]);
    }

    public function testTemporaryParkingOverTwoDays(): void
    {
        // 08:00 to 10:30 the next day = 1590 min: one full day (5.00 + ⌈1380/30⌉ = 46 × 2.00 = 97.00,
        // capped at 30.00), then 150 min: 5.00 + ⌈90/30⌉ = 3 × 2.00 = 11.00; total 41.00.
        $r = Engine::standard()->feeParking(
            ['free_minutes' => 30, 'first_minutes' => 60, 'first_price' => '5.00', 'increment_minutes' => 30, 'increment_price' => '2.00', 'daily_cap' => '30.00'],
            '2026-09-12T08:00:00+08:00',
            new \DateTimeImmutable('2026-09-13T10:30:00+08:00'),
        );
        $c = $r['charge'];
        self::assertSame([1590, false, 1, '41.00'], [$c['minutes'], $c['free'], $c['full_days'], $c['amount']]);
        self::assertSame([1440, 46, '97.00', '30.00'], array_values($c['full_day']));
        self::assertSame([150, 3, '11.00', '11.00'], array_values($c['rest']));
        self::assertSame('total 41.00', $r['text'][3]);
    }

    public function testApportionByLargestRemainder(): void
    {
        $e = Engine::standard();
        // 1000.00 over 98.76 + 120.50 + 143.20 = 362.46: 272.4714…, 332.4505…, 395.0780…; floors sum
        // to 999.99 and the fen left goes to the largest remainder (.78): 395.08.
        $parts = $e->feeApportion('1000.00', ['98.76', '120.50', '143.20'])['parts'];
        self::assertSame(['272.47', '332.45', '395.08'], $parts);
        // 100.00 in three equal shares: 33.33 each, the fen left to the first (ties → earlier).
        self::assertSame(['33.34', '33.33', '33.33'], $e->feeApportion('100.00', ['1', '1', '1'])['parts']);
        // A refund splits the same way.
        self::assertSame(['-33.34', '-33.33', '-33.33'], $e->feeApportion('-100', ['1', '1', '1'])['parts']);
    }

    public function testAPaymentItsLateFeesAndArrears(): void
    {
        $e = Engine::standard();
        // 100.00 on 2026-09-25: principal before late fee, oldest due first: all to the principal.
        $r = $e->feeAccountExecute(self::account(), ['type' => 'pay', 'receipt' => 'R001', 'date' => '2026-09-25', 'amount' => '100.00']);
        self::assertSame([['type' => 'payment_received', 'receipt' => 'R001', 'date' => '2026-09-25', 'amount' => '100.00',
            'allocations' => [['charge' => 'B2608-1', 'part' => 'principal', 'amount' => '100.00']], 'to_prepaid' => '0.00']], $r['events']);
        $account = $r['account'];
        self::assertSame(['0.00', '2026-09-25'], [$account['prepaid'], $account['last_date']]);
        self::assertSame([['date' => '2026-09-25', 'by' => ['receipt' => 'R001'], 'principal' => '100.00', 'late_fee' => '0.00']], $account['charges'][0]['settlements']);

        // The returned account goes back in as it came. As of 2026-10-15: Aug 17–Sep 25 is 40 days
        // on 232.09 × 0.0003 = 2.78508; Sep 26–Oct 15 is 20 days on 132.09 = 0.79254; 3.57762 → 3.58.
        $late = $e->feeAccountLateFees($account, '2026-10-15');
        self::assertSame('3.58', $late['outstanding']);
        $line = $late['late_fees'][0];
        self::assertSame(['2026-08-17', '3.57762', '3.58'], [$line['accrues_from'], $line['exact'], $line['accrued']]);
        self::assertSame([[40, '232.09', '2.78508'], [20, '132.09', '0.79254']], array_map(
            static fn (array $p): array => [$p['days'], $p['principal'], $p['amount']],
            $line['periods'],
        ));

        // Ageing: 2026-08-16 to 2026-10-15 is 60 days overdue, bucket 31–90.
        $ageing = $e->feeAccountArrears($account, new \DateTimeImmutable('2026-10-15'));
        self::assertSame(['1-101', '2026-10-15', '132.09', '3.58'], [$ageing['account'], $ageing['as_of'], $ageing['overdue_principal'], $ageing['overdue_late_fee']]);
        self::assertSame(['0-30', '31-90', '91-180', '181-365', 'over 365'], array_column($ageing['buckets'], 'label'));
        self::assertSame(['132.09', '3.58', 1], [$ageing['buckets'][1]['principal'], $ageing['buckets'][1]['late_fee'], $ageing['buckets'][1]['charges']]);
        self::assertSame([60, '31-90'], [$ageing['lines'][0]['days_overdue'], $ageing['lines'][0]['bucket']]);
        // Buckets of the caller's: up to 60 days, then over.
        self::assertSame(['0-60', 'over 60'], array_column($e->feeAccountArrears($account, '2026-10-15', [60])['buckets'], 'label'));
        // A refused command: the host keeps the account it has.
        self::assertThrowsWuye(\Wuye\ConflictException::class, 'duplicate_number', static fn () => $e->feeAccountExecute(
            $account,
            ['type' => 'pay', 'receipt' => 'R001', 'date' => '2026-09-26', 'amount' => '1.00'],
        ));
    }

    public function testOverlappingRatesAreRefused(): void
    {
        $schedule = self::schedule(rates: [
            ['item' => 'property_fee', 'from' => '2020-01-01', 'price' => '2.35'],
            ['item' => 'property_fee', 'from' => '2026-09-01', 'price' => '2.60'],
        ]);
        $e = self::assertThrowsWuye(RefusedException::class, 'overlapping_rates', static fn () => Engine::standard()->feeBill('2026-09', schedule: $schedule, units: []));
        self::assertSame('item property_fee, unit type high_rise: rates 2020-01-01.. and 2026-09-01.. overlap', $e->getMessage());
        $engine = Engine::standard();
        self::assertThrowsWuye(RefusedException::class, 'overlapping_rates', static fn () => $engine->feeLoadEstate($schedule, []));
        self::assertNull($engine->loadedEstate());
        // A period before any rate: not covered.
        $e = self::assertThrowsWuye(RefusedException::class, 'rate_not_covered', static fn () => Engine::standard()->feeBill(
            '2019-12',
            schedule: self::schedule(),
            units: [['id' => '1-101', 'unit_type' => 'high_rise', 'building_area' => '98.76']],
        ));
        self::assertSame('unit 1-101, item property_fee: no rate for unit type high_rise on 2019-12-01', $e->getMessage());
    }

    public function testAReadingGoingBackwardsIsAnErrorNeverACredit(): void
    {
        $e = Engine::standard();
        self::loadExample($e);
        $backwards = ['readings' => [['unit' => '1-101', 'item' => 'water', 'date' => '2026-09-30', 'previous' => '118', 'current' => '100']]];
        $x = self::assertThrowsWuye(RefusedException::class, 'reading_backwards', static fn () => $e->feeBillEstate('2026-09', ...$backwards));
        self::assertSame('unit 1-101, item water: reading of 2026-09-30 goes backwards (118 → 100) without a meter replacement or rollover', $x->getMessage());
        self::assertThrowsWuye(RefusedException::class, 'reading_backwards', static fn () => $e->billEstateRows('2026-09', ...$backwards));
        self::assertThrowsWuye(RefusedException::class, 'reading_backwards', static fn () => $e->feeBill('2026-09', ...$backwards));
        // With the meter's capacity it went round: (10000 − 9990) + 12 = 22 m³: 52.50 + 7 × 4.90 = 86.80.
        $wrapped = ['readings' => [['unit' => '1-101', 'item' => 'water', 'date' => '2026-09-30', 'previous' => '9990', 'current' => '12', 'wraps_at' => '10000']]];
        self::assertSame('86.80', $e->feeBillEstate('2026-09', ...$wrapped)['lines']['amount'][1]);
    }

    public function testBadAmountStringsAndOtherBadInput(): void
    {
        $e = Engine::standard();
        $x = self::assertThrowsWuye(InvalidRequestException::class, 'invalid_value', static fn () => $e->feeApportion('12,00', ['1', '2']));
        self::assertStringContainsString('"12,00" is not a valid amount', $x->getMessage());
        $x = self::assertThrowsWuye(InvalidRequestException::class, 'invalid_value', static fn () => $e->feeApportion('1000.001', ['1', '2']));
        self::assertStringContainsString('more than two decimals', $x->getMessage());
        self::assertThrowsWuye(RefusedException::class, 'bad_weights', static fn () => $e->feeApportion('10.00', ['0', '0']));
        // Money is a string: a PHP number in its place is refused, never read as a float.
        self::assertThrowsWuye(InvalidRequestException::class, 'wrong_type', static fn () => $e->feeApportion('1.00', [1.5, '2']));
        self::assertThrowsWuye(InvalidRequestException::class, 'wrong_type', static fn () => $e->feeAccountExecute(
            self::account(),
            ['type' => 'pay', 'receipt' => 'R001', 'date' => '2026-09-25', 'amount' => 100.0],
        ));
        // A bad area is named by its unit.
        $x = self::assertThrowsWuye(InvalidRequestException::class, 'invalid_value', static fn () => $e->feeBill('2026-09', schedule: self::schedule(), units: [
            ['id' => '1-101', 'unit_type' => 'high_rise', 'building_area' => '98,76'],
        ]));
        self::assertStringContainsString('units[0] (unit 1-101): "98,76" is not a valid decimal', $x->getMessage());
        $x = self::assertThrowsWuye(RefusedException::class, 'invalid_fee_input', static fn () => $e->feeBill('2026-09', schedule: self::schedule(), units: [
            ['id' => '1-101', 'unit_type' => 'high_rise', 'building_area' => '-98.76'],
        ]));
        self::assertStringContainsString('unit 1-101, field units[0].building_area', $x->getMessage());
        // Inputs the binding does not know (a PHP error: no such parameter; the library refuses
        // them too), and runs without an estate.
        $inputs = ['reading' => []];
        self::assertThrowsWuye(InvalidRequestException::class, 'unknown_field', static fn () => $e->call('fee.bill_estate', ['period' => '2026-09'] + $inputs));
        try {
            $e->feeBillEstate('2026-09', ...$inputs);
            self::fail('an unknown input is refused');
        } catch (\Error $x) {
            self::assertSame('Unknown named parameter $reading', $x->getMessage());
        }
        self::assertThrowsWuye(RefusedException::class, 'no_estate', static fn () => $e->feeBillEstate('2026-09'));
        self::assertThrowsWuye(RefusedException::class, 'no_estate', static fn () => $e->billEstateRows('2026-09'));
        self::assertThrowsWuye(InvalidRequestException::class, 'invalid_value', static fn () => $e->feeBillEstate('2026-13'));
    }

    public function testACloneOrARestoredEngineHasNoEstate(): void
    {
        $e = Engine::standard();
        self::loadExample($e);
        $copy = clone $e;
        self::assertNull($copy->loadedEstate());
        self::assertThrowsWuye(RefusedException::class, 'no_estate', static fn () => $copy->feeBillEstate('2026-09'));
        self::assertThrowsWuye(RefusedException::class, 'no_estate', static fn () => Engine::fromState($e->exportJson())->feeBillEstate('2026-09'));
        // The original keeps its estate.
        self::assertSame('1631.51', $e->feeBillEstate('2026-09', ...self::readings())['total']);
        // An estate loaded past feeLoadEstate() replaces the library's: the rows cannot be named.
        $e->call('fee.load_estate', ['schedule' => self::schedule(), 'units' => [['id' => 'X', 'unit_type' => 'high_rise', 'building_area' => '1']]]);
        self::assertNull($e->loadedEstate());
        self::assertSame(['unit' => [0], 'item' => [0], 'amount' => ['2.35']], $e->feeBillEstate('2026-09')['lines']);
        self::assertThrowsWuye(RefusedException::class, 'no_estate', static fn () => $e->billEstateRows('2026-09'));
        self::loadExample($e);
        $e->callJson('{"v":1,"op":"fee.load_estate","args":{"schedule":{"unit_types":[]},"units":[]}}');
        self::assertNull($e->loadedEstate());
    }
}
