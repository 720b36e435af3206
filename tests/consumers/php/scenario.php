<?php

declare(strict_types=1);

use Wuye\Engine;
use Wuye\Library;

/**
 * One short scenario through the JSON contract (Engine::call), its figures checked against
 * the shared vectors. Returns the report lines; the last is "... all checks passed" or a
 * failure count.
 *
 * @return list<string>
 */
function wuye_scenario(): array
{
    $lines = [];
    $failures = 0;
    $check = function (string $what, bool $ok, mixed $got) use (&$lines, &$failures): void {
        $lines[] = ($ok ? 'ok   ' : 'FAIL ') . $what . ($ok ? '' : ': got ' . json_encode($got, JSON_UNESCAPED_UNICODE));
        $failures += $ok ? 0 : 1;
    };

    $t0 = hrtime(true);
    Library::load();
    $ms = (hrtime(true) - $t0) / 1e6;
    $lines[] = sprintf('libwuye loaded from %s in %.2f ms', Library::path(), $ms);

    $desk = Engine::standard();
    // tests/vectors/repair-lifecycle.json step 0
    $r = $desk->call('request.register', [
        'request' => [
            'id' => 'R-0930', 'kind' => 'repair', 'priority' => 'normal', 'channel' => 'phone',
            'location' => ['unit' => '5-2-1101'],
            'reporter' => ['kind' => 'owner', 'name' => '李先生', 'phone' => '13912345678'],
            'description' => '卫生间天花板漏水，楼上疑似水管渗漏',
        ],
        'actor' => ['role' => 'agent', 'id' => 'kf01'],
        'now' => '2026-09-30T16:00:00+08:00',
    ]);
    $check('request.register', ($r['events'][0]['change']['type'] ?? null) === 'registered'
        && $r['events'][0]['change']['request']['reporter']['name'] === '李先生', $r);

    // tests/vectors/repair-lifecycle.json step 2
    $r = $desk->call('request.execute', [
        'id' => 'R-0930',
        'command' => ['step' => 'dispatch', 'department' => 'engineering', 'assignee' => 'w01'],
        'actor' => ['role' => 'dispatcher', 'id' => 'dd01'],
        'now' => '2026-09-30T16:10:00+08:00',
    ]);
    $check('request.execute dispatch', ($r['events'][0]['change'] ?? null)
        === ['type' => 'dispatched', 'department' => 'engineering', 'assignee' => 'w01'], $r);

    // The dispatch clock as in repair-lifecycle.json step 7 (stopped by the 16:10 dispatch:
    // met, 600 s of 1800); the complete clock's deadline as in step 1.
    $r = $desk->call('sla.status', ['id' => 'R-0930', 'as_of' => '2026-09-30T16:10:00+08:00']);
    $clocks = array_column($r['cycles'][0]['clocks'] ?? [], null, 'clock');
    $check('sla.status', ($clocks['dispatch'] ?? null) === [
        'clock' => 'dispatch', 'timing' => 'business', 'target_seconds' => 1800, 'state' => 'met',
        'started_at' => '2026-09-30T16:00:00+08:00', 'stopped_at' => '2026-09-30T16:10:00+08:00',
        'elapsed_seconds' => 600, 'remaining_seconds' => 1200, 'overdue_seconds' => null,
        'deadline' => '2026-09-30T16:30:00+08:00',
    ] && ($clocks['complete']['deadline'] ?? null) === '2026-10-09T17:00:00+08:00', $r);

    // tests/vectors/fee-billing.json step 0: 98.76 × 2.35 × 15/30 = 116.043 → 116.04
    $r = $desk->call('fee.bill', [
        'period' => '2026-09',
        'schedule' => [
            'unit_types' => [['code' => 'high_rise', 'name' => '高层']],
            'items' => [['code' => 'property_fee', 'name' => '物业服务费', 'formula' => ['kind' => 'area']]],
            'rates' => [['item' => 'property_fee', 'from' => '2020-01-01', 'price' => '2.35']],
            'billing' => ['collection' => 'prepaid', 'due_days' => 15],
        ],
        'units' => [[
            'id' => '3-1-502', 'unit_type' => 'high_rise', 'building_area' => '98.76',
            'states' => [['from' => '2026-09-16', 'state' => 'occupied']],
        ]],
    ]);
    $line = $r['bills'][0]['lines'][0] ?? [];
    $check('fee.bill', ($line['amount'] ?? null) === '116.04' && $line['due'] === '2026-09-16'
        && $r['total'] === '116.04', $r['total'] ?? $r);

    // tests/vectors/survey-scores.json step 8: NPS 25.00, SE 18.54, interval −11.34 … 61.34
    $r = $desk->call('survey.nps', ['answers' => [10, 9, 9, 8, 7, 7, 6, 5, 10, 10, 9, 3, 0, 8, 9, 10, 6, 7, 9, 10]]);
    $check('survey.nps', [$r['nps'] ?? null, $r['standard_error'] ?? null, $r['margin'] ?? null, $r['interval'] ?? null]
        === ['25.00', '18.54', '36.34', ['low' => '-11.34', 'high' => '61.34']], $r);

    $lines[] = $failures === 0 ? 'php consumer (' . PHP_SAPI . '): all checks passed' : "$failures check(s) failed";
    return $lines;
}
