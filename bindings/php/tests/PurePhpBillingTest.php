<?php

declare(strict_types=1);

namespace Wuye\Tests;

require_once __DIR__ . '/../bench/EstateFixture.php';
require_once __DIR__ . '/../bench/PurePhpBilling.php';

use Wuye\Bench\EstateFixture;
use Wuye\Bench\PurePhpBilling;
use Wuye\Engine;

/**
 * The pure-PHP baseline of the billing benchmark (bench/PurePhpBilling.php) against hand-worked
 * figures, and against libwuye line for line on generated estates: the benchmark compares two
 * implementations that give the same rows.
 */
final class PurePhpBillingTest extends WuyeTestCase
{
    /** @return array<string, array{bool, string, int}> */
    public static function estates(): array
    {
        return [
            'benchmark estate, September 2026 (rate change on the 16th)' => [false, '2026-09', 2000],
            'varied estate, September 2026' => [true, '2026-09', 3000],
            'varied estate, February 2024 (29 days)' => [true, '2024-02', 3000],
            'varied estate, October 2026 (31 days)' => [true, '2026-10', 3000],
        ];
    }

    /** @dataProvider estates */
    public function testTheSameRowsAsTheLibrary(bool $varied, string $month, int $n): void
    {
        $schedule = EstateFixture::schedule($varied);
        $units = EstateFixture::units($n, $varied);
        $inputs = EstateFixture::inputs($units, $month, $varied);
        $engine = Engine::standard();
        $engine->feeLoadEstate($schedule, $units);
        $library = $engine->billEstateRows($month, ...$inputs);
        $pure = (new PurePhpBilling($schedule, $units))->billMonth($month, $inputs);
        self::assertGreaterThanOrEqual(5 * $n, count($library['rows']));
        self::assertSame(count($library['rows']), count($pure['rows']));
        foreach ($library['rows'] as $k => $row) {
            if ($row !== $pure['rows'][$k]) {
                self::fail("line $k: libwuye " . implode(' ', $row) . ', pure PHP ' . implode(' ', $pure['rows'][$k]));
            }
        }
        self::assertSame($library['total'], $pure['total']);
        self::assertSame($month, $pure['period']);
    }

    public function testHandWorkedLines(): void
    {
        $schedule = [
            'unit_types' => [['code' => 'high_rise', 'name' => '高层'], ['code' => 'villa', 'name' => '别墅']],
            'items' => [
                ['code' => 'property_fee', 'name' => '物业服务费', 'formula' => ['kind' => 'area'], 'state_discounts' => ['vacant' => '30']],
                ['code' => 'water', 'name' => '水费', 'formula' => ['kind' => 'metered']],
                ['code' => 'lift_power', 'name' => '电梯电费', 'formula' => ['kind' => 'shared']],
            ],
            'rates' => [
                ['item' => 'property_fee', 'unit_types' => ['high_rise'], 'from' => '2020-01-01', 'price' => '2.35'],
                ['item' => 'property_fee', 'unit_types' => ['villa'], 'from' => '2020-01-01', 'price' => '4.80'],
                ['item' => 'water', 'from' => '2020-01-01', 'tiers' => [['up_to' => '15', 'price' => '3.50'], ['price' => '4.90']]],
            ],
        ];
        $units = [
            ['id' => '1-101', 'unit_type' => 'high_rise', 'building_area' => '98.76'],
            ['id' => '1-102', 'unit_type' => 'high_rise', 'building_area' => '120.50', 'states' => [['from' => '2025-06-01', 'state' => 'vacant']]],
            ['id' => 'V-01', 'unit_type' => 'villa', 'building_area' => '143.20'],
            ['id' => '3-1-502', 'unit_type' => 'high_rise', 'building_area' => '98.76', 'states' => [['from' => '2026-09-16', 'state' => 'occupied']]],
        ];
        $inputs = [
            'readings' => [
                ['unit' => '1-101', 'item' => 'water', 'date' => '2026-09-30', 'previous' => '100', 'current' => '118'],
                ['unit' => 'V-01', 'item' => 'water', 'date' => '2026-09-30', 'previous' => '500', 'current' => '530'],
            ],
            'shared' => [['item' => 'lift_power', 'amount' => '1000.00', 'units' => ['1-101', '1-102', 'V-01']]],
        ];
        $r = (new PurePhpBilling($schedule, $units))->billMonth('2026-09', $inputs);
        self::assertSame([
            // 98.76 × 2.35 = 232.086 → 232.09; 18 m³: 15 × 3.50 + 3 × 4.90 = 67.20;
            // 1000.00 over 98.76 / 120.50 / 143.20: 272.4714…, 332.4505…, 395.0780…, the fen left to .078… → 395.08.
            ['1-101', 'property_fee', '232.09'], ['1-101', 'water', '67.20'], ['1-101', 'lift_power', '272.47'],
            // Vacant, 30% off: 283.175 × 70% = 198.2225 → 198.22.
            ['1-102', 'property_fee', '198.22'], ['1-102', 'lift_power', '332.45'],
            // 143.20 × 4.80 = 687.36; 30 m³: 52.50 + 15 × 4.90 = 126.00.
            ['V-01', 'property_fee', '687.36'], ['V-01', 'water', '126.00'], ['V-01', 'lift_power', '395.08'],
            // Handed over on the 16th: 98.76 × 2.35 × 15/30 = 116.043 → 116.04.
            ['3-1-502', 'property_fee', '116.04'],
        ], $r['rows']);
        self::assertSame('2426.91', $r['total']);
        $engine = Engine::standard();
        $engine->feeLoadEstate($schedule, $units);
        self::assertSame($engine->billEstateRows('2026-09', ...$inputs), $r);
    }

    public function testTheBaselineRefusesWhatTheLibraryRefuses(): void
    {
        $schedule = EstateFixture::schedule();
        $units = EstateFixture::units(10);
        $overlapping = $schedule;
        $overlapping['rates'][] = ['item' => 'rubbish', 'unit_types' => ['villa'], 'from' => '2026-01-01', 'price' => '20.00'];
        try {
            new PurePhpBilling($overlapping, $units);
            self::fail('overlapping rates accepted');
        } catch (\DomainException $e) {
            self::assertSame('item rubbish, unit type villa: rates 2024-01-01.. and 2026-01-01.. overlap', $e->getMessage());
        }
        $inputs = EstateFixture::inputs($units);
        $inputs['readings'][3]['current'] = '900';
        try {
            (new PurePhpBilling($schedule, $units))->billMonth('2026-09', $inputs);
            self::fail('a reading going backwards accepted');
        } catch (\DomainException $e) {
            self::assertStringContainsString('goes backwards (1003 → 900)', $e->getMessage());
        }
        $units[2]['building_area'] = '98,76';
        $this->expectException(\InvalidArgumentException::class);
        $this->expectExceptionMessage("'98,76' is not a decimal string");
        new PurePhpBilling($schedule, $units);
    }
}
