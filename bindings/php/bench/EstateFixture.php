<?php

/**
 * A generated estate for the billing benchmark and for the test that the pure-PHP baseline
 * gives the library's amounts: the estate of the Rust benchmark (benches/src/lib.rs,
 * `fee_schedule`, `fee_units`, `fee_inputs`) as the PHP arrays a host holds — five unit
 * types, five items (property fee by area with a high-rise rate change on 2026-09-16,
 * rubbish removal per unit, parking-space rent for subscribers, water in annual tiers, lift
 * power shared by area), one unit in 20 vacant (30% off the property fee), one in 50 moving
 * in mid-month.
 *
 * `varied: true` adds more cases for the equality test: mid-month vacancy and renovation
 * (with their own discounts), units not yet handed over, subscriptions that start or end
 * mid-month or count two spaces, electricity in monthly tiers with four-decimal prices and
 * fractional readings, a four-decimal villa rate, and a second shared cost over a list.
 */

declare(strict_types=1);

namespace Wuye\Bench;

final class EstateFixture
{
    /** @return array<string, mixed> */
    public static function schedule(bool $varied = false): array
    {
        $s = [
            'unit_types' => [
                ['code' => 'high_rise', 'name' => '高层'], ['code' => 'multi_storey', 'name' => '多层'],
                ['code' => 'villa', 'name' => '别墅'], ['code' => 'shop', 'name' => '商铺'], ['code' => 'office', 'name' => '写字楼'],
            ],
            'items' => [
                ['code' => 'property_fee', 'name' => '物业服务费', 'formula' => ['kind' => 'area'], 'state_discounts' => ['vacant' => '30']],
                ['code' => 'rubbish', 'name' => '垃圾清运费', 'formula' => ['kind' => 'fixed']],
                ['code' => 'parking_rent', 'name' => '车位租金', 'formula' => ['kind' => 'fixed', 'applies' => 'subscribers']],
                ['code' => 'water', 'name' => '水费', 'formula' => ['kind' => 'metered', 'tier_bounds' => 'annual']],
                ['code' => 'lift_power', 'name' => '电梯电费公摊', 'formula' => ['kind' => 'shared']],
            ],
            'rates' => [
                ['item' => 'property_fee', 'unit_types' => ['high_rise'], 'from' => '2024-01-01', 'to' => '2026-09-15', 'price' => '2.35'],
                ['item' => 'property_fee', 'unit_types' => ['high_rise'], 'from' => '2026-09-16', 'price' => '2.60'],
                ['item' => 'property_fee', 'unit_types' => ['multi_storey'], 'from' => '2024-01-01', 'price' => '1.80'],
                ['item' => 'property_fee', 'unit_types' => ['villa'], 'from' => '2024-01-01', 'price' => '4.80'],
                ['item' => 'property_fee', 'unit_types' => ['shop', 'office'], 'from' => '2024-01-01', 'price' => '6.50'],
                ['item' => 'rubbish', 'from' => '2024-01-01', 'price' => '15.00'],
                ['item' => 'parking_rent', 'from' => '2024-01-01', 'price' => '300.00'],
                ['item' => 'water', 'from' => '2024-01-01', 'tiers' => [
                    ['up_to' => '180', 'price' => '5.00'], ['up_to' => '260', 'price' => '7.00'], ['price' => '9.00'],
                ]],
            ],
            'billing' => ['collection' => 'prepaid', 'due_days' => 15],
        ];
        if ($varied) {
            $s['items'][0]['state_discounts'] = ['vacant' => '30', 'renovating' => '12.5'];
            $s['items'][1]['state_discounts'] = ['vacant' => '50'];
            $s['items'][] = ['code' => 'electricity', 'name' => '电费', 'formula' => ['kind' => 'metered']];
            $s['rates'][3]['price'] = '4.8125';
            $s['rates'][] = ['item' => 'electricity', 'from' => '2024-01-01', 'to' => '2026-09-19', 'tiers' => [
                ['up_to' => '200.5', 'price' => '0.5383'], ['price' => '0.8383'],
            ]];
            $s['rates'][] = ['item' => 'electricity', 'from' => '2026-09-20', 'tiers' => [
                ['up_to' => '180', 'price' => '0.5583'], ['up_to' => '400', 'price' => '0.6083'], ['price' => '0.9083'],
            ]];
        }
        return $s;
    }

    /**
     * `$n` units, as `fee_units` of the Rust benchmark (plus the variations when `$varied`).
     *
     * @return list<array<string, mixed>>
     */
    public static function units(int $n, bool $varied = false): array
    {
        $types = ['high_rise', 'multi_storey', 'villa', 'shop', 'office'];
        $units = [];
        for ($i = 0; $i < $n; $i++) {
            $area = 6000 + ($i * 37) % 9000;
            $u = [
                'id' => sprintf('%d-%d-%04d', intdiv($i, 4000) + 1, intdiv($i, 400) % 10 + 1, $i % 400),
                'unit_type' => $types[$i % 5],
                'building_area' => intdiv($area, 100) . '.' . sprintf('%02d', $area % 100),
            ];
            if ($i % 20 === 7) {
                $u['states'] = [['from' => '2024-01-01', 'state' => 'vacant']];
            } elseif ($i % 50 === 3) {
                $u['states'] = [['from' => '2026-09-12', 'state' => 'occupied']];
            } elseif ($varied && $i % 13 === 5) {
                $u['states'] = [['from' => '2020-01-01', 'state' => 'occupied'], ['from' => '2026-09-20', 'state' => 'vacant']];
            } elseif ($varied && $i % 17 === 2) {
                $u['states'] = [['from' => '2023-05-01', 'state' => 'occupied'], ['from' => '2026-09-05', 'state' => 'renovating'],
                    ['from' => '2026-09-25', 'state' => 'occupied']];
            } elseif ($varied && $i % 23 === 6) {
                $u['states'] = [['from' => '2026-12-01', 'state' => 'occupied']];
            }
            $sub = ['item' => 'parking_rent'];
            if ($varied && $i % 7 === 1) {
                $sub += ['quantity' => 2, 'from' => '2026-09-10'];
            } elseif ($varied && $i % 11 === 4) {
                $sub += ['to' => '2026-09-14'];
            }
            $u['subscriptions'] = [$sub];
            $units[] = $u;
        }
        return $units;
    }

    /**
     * A month's inputs, as `fee_inputs` of the Rust benchmark: a water reading per unit on
     * the month's last day and the lift power to share (plus, when `$varied`, electricity
     * readings of every third unit and a second shared cost over the first 50 units).
     *
     * @param list<array<string, mixed>> $units
     * @return array{readings: list<array<string, string>>, shared: list<array<string, mixed>>}
     */
    public static function inputs(array $units, string $month = '2026-09', bool $varied = false): array
    {
        $date = (new \DateTimeImmutable("$month-01"))->format('Y-m-t');
        $readings = [];
        foreach ($units as $i => $u) {
            $previous = 1000 + $i % 500;
            $readings[] = [
                'unit' => $u['id'], 'item' => 'water', 'date' => $date,
                'previous' => (string) $previous, 'current' => (string) ($previous + 5 + $i % 40),
                'year_to_date' => (string) ($i % 300),
            ];
            if ($varied && $i % 3 === 0) {
                $kwh = 2000 + $i % 700;
                $readings[] = [
                    'unit' => $u['id'], 'item' => 'electricity', 'date' => $date,
                    'previous' => $kwh . '.25', 'current' => ($kwh + 40 + ($i * 7) % 450) . '.' . sprintf('%03d', ($i * 131) % 1000),
                ];
            }
        }
        $shared = [['item' => 'lift_power', 'amount' => '1234567.89']];
        if ($varied) {
            $shared[] = ['item' => 'lift_power', 'amount' => '1000.00',
                'units' => array_reverse(array_column(array_slice($units, 0, 50), 'id'))];
        }
        return ['readings' => $readings, 'shared' => $shared];
    }
}
