<?php

/**
 * Fee lines per second from PHP, end to end: a month's billing of a generated estate
 * (100k units × 5 items by default; bench/EstateFixture.php, the estate of the Rust
 * benchmark) through libwuye and through the pure-PHP baseline (bench/PurePhpBilling.php),
 * both ending with the rows a host stores: `[unit id, item code, amount]` per line.
 *
 *     WUYE_LIB=target/release/libwuye.so php bindings/php/bench/billing.php [--units=N] [--rounds=N]
 *
 * (a) FFI: the estate is loaded once (`fee.load_estate`, timed apart); each round is one
 *     `Engine::billEstateRows()`: the month's inputs (one water reading per unit, the
 *     shared lift power) encoded as JSON, `fee.bill_estate`, the response copied out, its
 *     compact columns cut into PHP arrays and turned into rows. Everything that crosses the
 *     boundary, both ways, is inside the time. The same round is also shown step by step,
 *     and with `json_decode` of the response instead of the column cut.
 * (b) pure PHP: the same schedule and units read once (`new PurePhpBilling`, timed apart),
 *     then each round one `billMonth()` from the same input arrays to the same rows.
 *
 * Both give the same rows (checked before timing; exit 1 if not). The median round is
 * reported as wall-clock time and as CPU time of this process (steadier when other jobs
 * share the machine), in lines per second; the ratio is FFI ÷ pure PHP in lines/s.
 */

declare(strict_types=1);

require __DIR__ . '/../autoload.php';
require __DIR__ . '/EstateFixture.php';
require __DIR__ . '/PurePhpBilling.php';

use Wuye\Bench\EstateFixture;
use Wuye\Bench\PurePhpBilling;
use Wuye\Contract;
use Wuye\Engine;
use Wuye\Library;

ini_set('memory_limit', '4G');

$n = 100_000;
$rounds = 5;
foreach (array_slice($argv, 1) as $arg) {
    if (preg_match('/^--units=(\d+)$/', $arg, $m)) {
        $n = max(1, (int) $m[1]);
    } elseif (preg_match('/^--rounds=(\d+)$/', $arg, $m)) {
        $rounds = max(1, (int) $m[1]);
    } else {
        fwrite(STDERR, "usage: billing.php [--units=N] [--rounds=N]\n");
        exit(2);
    }
}

/** CPU time (user + system) of this process, in seconds. */
function cpuSeconds(): float
{
    $r = getrusage();
    return $r['ru_utime.tv_sec'] + $r['ru_utime.tv_usec'] / 1e6 + $r['ru_stime.tv_sec'] + $r['ru_stime.tv_usec'] / 1e6;
}

/**
 * Runs `$f` once to warm up, then `$rounds` times; the median wall and CPU seconds.
 *
 * @return array{float, float}
 */
function median(int $rounds, callable $f): array
{
    $f();
    $wall = [];
    $cpu = [];
    for ($r = 0; $r < $rounds; $r++) {
        gc_collect_cycles();
        $c = cpuSeconds();
        $t = hrtime(true);
        $f();
        $wall[] = (hrtime(true) - $t) / 1e9;
        $cpu[] = cpuSeconds() - $c;
    }
    sort($wall);
    sort($cpu);
    return [$wall[intdiv($rounds, 2)], $cpu[intdiv($rounds, 2)]];
}

/** Seconds of one call of `$f`. */
function once(callable $f): float
{
    $t = hrtime(true);
    $f();
    return (hrtime(true) - $t) / 1e9;
}

$month = '2026-09';
$schedule = EstateFixture::schedule();
$units = EstateFixture::units($n);
$inputs = EstateFixture::inputs($units, $month);

// (a) FFI: load once, then the month.
$engine = Engine::standard();
$loadFfi = once(static function () use ($engine, $schedule, $units): void {
    $engine->feeLoadEstate($schedule, $units);
});
$ffi = $engine->billEstateRows($month, ...$inputs);
$lines = count($ffi['rows']);

// (b) pure PHP: read the same data once, then the month.
$pure = null;
$loadPure = once(static function () use (&$pure, $schedule, $units): void {
    $pure = new PurePhpBilling($schedule, $units);
});
$baseline = $pure->billMonth($month, $inputs);
if ($baseline['rows'] !== $ffi['rows'] || $baseline['total'] !== $ffi['total']) {
    fwrite(STDERR, "billing.php: the pure-PHP rows differ from libwuye's\n");
    exit(1);
}
unset($baseline);

$ids = array_column($units, 'id');
$codes = $engine->loadedEstate()['items'];
/** @param array{lines: array{unit: list<int|string>, item: list<int|string>, amount: list<string>}} $columns */
$rowsOf = static function (array $columns) use ($ids, $codes): array {
    $unit = $columns['lines']['unit'];
    $item = $columns['lines']['item'];
    $rows = [];
    foreach ($columns['lines']['amount'] as $k => $amount) {
        $rows[] = [$ids[$unit[$k]], $codes[$item[$k]], $amount];
    }
    return $rows;
};

[$ffiWall, $ffiCpu] = median($rounds, static function () use ($engine, $month, $inputs): void {
    $engine->billEstateRows($month, ...$inputs);
});
// The same round with the whole response through json_decode instead of the column cut.
[$jsonWall, $jsonCpu] = median($rounds, static function () use ($engine, $month, $inputs, $rowsOf): void {
    $rowsOf(Contract::decode($engine->callJson(Contract::request('fee.bill_estate', ['period' => $month] + $inputs))));
});
[$pureWall, $pureCpu] = median($rounds, static function () use ($pure, $month, $inputs): void {
    $pure->billMonth($month, $inputs);
});

// The FFI round step by step (median of each step over the rounds).
$request = '';
$response = '';
$columns = [];
$steps = [
    'encode the inputs (json_encode)' => static function () use (&$request, $month, $inputs): void {
        $request = Contract::request('fee.bill_estate', ['period' => $month] + $inputs);
    },
    // Library::call: copy in; libwuye parses, bills and writes the columns; copy out.
    'fee.bill_estate call, bytes in and out' => static function () use ($engine, &$request, &$response): void {
        $response = $engine->callJson($request);
    },
    'cut the columns (Engine::compactColumns)' => static function () use (&$response, &$columns): void {
        $columns = Engine::compactColumns($response);
    },
    'build the rows' => static function () use (&$columns, $rowsOf): void {
        $rowsOf($columns);
    },
    '(instead of the cut: json_decode)' => static function () use (&$response): void {
        Contract::decode($response);
    },
];
$stepTimes = [];
foreach ($steps as $name => $f) {
    $stepTimes[$name] = median($rounds, $f);
}
$requestBytes = strlen($request);
$responseBytes = strlen($response);

$load = sys_getloadavg();
printf("wuye fee billing from PHP: %s, one month (%s), %d units, %d lines\n", PHP_VERSION, $month, $n, $lines);
printf("libwuye: %s\n", Library::path());
printf("median of %d rounds after a warm-up; load average %.2f; opcache.enable_cli=%s, JIT %s\n\n", $rounds, $load[0] ?? 0.0,
    ini_get('opcache.enable_cli') ?: '0', (ini_get('opcache.jit_buffer_size') ?: '0') === '0' ? 'off' : 'on');
printf("%-44s %9s %9s %13s %13s\n", 'run (same rows out)', 'wall ms', 'cpu ms', 'lines/s wall', 'lines/s cpu');
$row = static function (string $name, float $wall, float $cpu) use ($lines): void {
    printf("%-44s %9.1f %9.1f %13s %13s\n", $name, $wall * 1e3, $cpu * 1e3,
        number_format($lines / $wall, 0, '.', ','), number_format($lines / max($cpu, 1e-9), 0, '.', ','));
};
$row('(a) FFI: Engine::billEstateRows()', $ffiWall, $ffiCpu);
$row("(a') FFI, response through json_decode", $jsonWall, $jsonCpu);
$row('(b) pure PHP: PurePhpBilling::billMonth()', $pureWall, $pureCpu);
printf("\nratio FFI ÷ pure PHP (lines/s): %.2f× wall, %.2f× cpu\n", $pureWall / $ffiWall, $pureCpu / max($ffiCpu, 1e-9));
printf("loaded once (not in the rounds): fee.load_estate %.1f ms; new PurePhpBilling %.1f ms\n\n", $loadFfi * 1e3, $loadPure * 1e3);
printf("(a) step by step (request %.1f MB, response %.1f MB):\n", $requestBytes / 1e6, $responseBytes / 1e6);
foreach ($stepTimes as $name => [$wall, $cpu]) {
    printf("  %-42s %9.1f %9.1f\n", $name, $wall * 1e3, $cpu * 1e3);
}
