<?php

/**
 * Per-call cost of the PHP binding (run by scripts/bench-php against the release build).
 *
 *     WUYE_LIB=target/release/libwuye.so php bindings/php/bench/bench.php [--rounds=N]
 *
 * Each case is warmed up, then timed in several rounds; the median round is printed in
 * microseconds per call (per item for the batches), as wall-clock and as CPU time of this
 * process. Target: ≤ 10 µs for a small call.
 */

declare(strict_types=1);

require __DIR__ . '/../autoload.php';

use Wuye\Actor;
use Wuye\Command;
use Wuye\Engine;
use Wuye\Library;

$rounds = 7;
foreach (array_slice($argv, 1) as $arg) {
    if (preg_match('/^--rounds=(\d+)$/', $arg, $m)) {
        $rounds = max(1, (int) $m[1]);
    } else {
        fwrite(STDERR, "usage: bench.php [--rounds=N]\n");
        exit(2);
    }
}

/** CPU time (user + system) of this process, in µs. */
function cpu(): float
{
    $r = getrusage();
    return $r['ru_utime.tv_sec'] * 1e6 + $r['ru_utime.tv_usec'] + $r['ru_stime.tv_sec'] * 1e6 + $r['ru_stime.tv_usec'];
}

/**
 * Median µs per unit of `$f()` run `$n` times, over `$rounds` rounds after a warm-up:
 * wall-clock time, and CPU time of this process (steadier when other jobs share the machine).
 *
 * @return array{float, float}
 */
function measure(int $rounds, int $n, int $unitsPerCall, callable $f): array
{
    for ($i = 0; $i < max(1, intdiv($n, 5)); $i++) {
        $f();
    }
    $wall = [];
    $cpu = [];
    for ($r = 0; $r < $rounds; $r++) {
        $c = cpu();
        $t = hrtime(true);
        for ($i = 0; $i < $n; $i++) {
            $f();
        }
        $wall[] = (hrtime(true) - $t) / 1000 / $n / $unitsPerCall;
        $cpu[] = (cpu() - $c) / $n / $unitsPerCall;
    }
    sort($wall);
    sort($cpu);
    return [$wall[intdiv($rounds, 2)], $cpu[intdiv($rounds, 2)]];
}

$engine = Engine::standard();
$n = 1000;
for ($i = 0; $i < $n; $i++) {
    $id = sprintf('R%04d', $i);
    $engine->requestRegister([
        'id' => $id, 'kind' => 'repair', 'priority' => ['emergency', 'high', 'normal', 'low'][$i % 4],
        'channel' => 'phone', 'location' => ['unit' => sprintf('%d-1-%03d', 1 + $i % 9, 101 + $i % 30)],
        'reporter' => ['kind' => 'owner', 'name' => '王女士', 'phone' => '13800000000'],
        'description' => '厨房水龙头漏水',
    ], Actor::agent('kf01'), '2026-03-02T09:00:00+08:00');
    if ($i % 3 > 0) {
        $engine->requestExecute($id, Command::dispatch('engineering', 'w1'), Actor::dispatcher('dd01'), '2026-03-02T09:05:00+08:00');
    }
    if ($i % 3 > 1) {
        $engine->requestExecute($id, Command::accept(), Actor::worker('w1'), '2026-03-02T09:10:00+08:00');
        $engine->requestExecute($id, Command::hold('等配件'), Actor::worker('w1'), '2026-03-02T09:20:00+08:00');
    }
}
$asOf = '2026-03-03T10:00:00+08:00';
$ids = array_map(static fn ($i) => sprintf('R%04d', $i), range(0, $n - 1));
$request = '{"v":1,"op":"calendar.is_working_day","args":{"date":"2026-10-10"}}';

$cases = [
    ['callJson(is_working_day)  bytes in/out', 200000, 1, static fn () => $engine->callJson($request)],
    ['calendarIsWorkingDay()', 200000, 1, static fn () => $engine->calendarIsWorkingDay('2026-10-10')['working']],
    ['calendarWorkingDays() Oct 2026', 100000, 1, static fn () => $engine->calendarWorkingDays('2026-10-01', '2026-10-31')['days']],
    ['get() one request', 100000, 1, static fn () => $engine->requestGet('R0500')['request']],
    ['slaStatus() one request', 100000, 1, static fn () => $engine->slaStatus('R0500', $asOf)],
    ["slaStatusBatch() per item, $n requests", 200, $n, static fn () => $engine->slaStatusBatch($asOf)['statuses']],
    ["slaStatusBatch(ids) per item, $n requests", 200, $n, static fn () => $engine->slaStatusBatch($asOf, $ids)['statuses']],
];

$load = sys_getloadavg();
printf("wuye PHP binding, PHP %s, %s\n", PHP_VERSION, Library::path());
printf("%d rounds after warm-up; median µs per call (per item for batches); load average %.2f\n\n", $rounds, $load[0] ?? 0.0);
printf("%-45s %9s %9s\n", 'case', 'wall', 'cpu');
foreach ($cases as [$name, $iterations, $units, $f]) {
    [$wall, $cpu] = measure($rounds, $iterations, $units, $f);
    printf("%-45s %7.2f µs %6.2f µs\n", $name, $wall, $cpu);
}
