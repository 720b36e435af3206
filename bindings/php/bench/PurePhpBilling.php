<?php

/**
 * The baseline a vendor has today: a straightforward pure-PHP implementation of the monthly
 * property-fee run, with the same rules as libwuye for what it supports, so that the
 * benchmark (bench/billing.php) compares like with like and tests/PurePhpBillingTest.php can
 * check that both give the same amounts.
 *
 * Rules (one calendar month per run):
 * - area 按面积: building area × rate per m² per month, the rate by unit type 房屋类型;
 * - fixed 定额: a fixed amount per month, for every unit of a rated type or per subscription
 *   (× quantity, within the subscription's dates: parking-space rent 车位租金);
 * - proration 按天折算 by days: days ÷ days in the month, split at rate changes and at
 *   unit-state changes; a discount per unit state 房屋状态 (vacant 空置 30% off; not handed
 *   over 未交房 100% off by default), all over one denominator, rounded once for the month;
 * - metered 代收代缴: current − previous reading (backwards is an error), priced by tiers 阶梯
 *   with monthly or annual bounds (annual: after the year-to-date consumption);
 * - shared cost 公摊 by building area, exact: floors in fen, the fen left over to the
 *   largest remainders (ties to the earlier unit), so the parts sum to the amount;
 * - half-up rounding 四舍五入 to the fen; integer fen arithmetic, never floats.
 *
 * It reads the same schedule, unit and input arrays as the library (decimal strings), with
 * these limits, refused with an exception: areas ≤ 2 decimals, rates and tier prices ≤ 4,
 * readings ≤ 3, discounts ≤ 2; building-area shares only; no rollover 翻表 or meter
 * replacement 换表, no usage, parking stays, prepayment discounts, other rounding rules or
 * points (for one month, per month and per line are the same), inner areas.
 *
 * Output: the rows a host stores, `[unit id, item code, amount]` in unit order, then the
 * schedule's item order, then input order — the order and amounts of `fee.bill_estate`.
 */

declare(strict_types=1);

namespace Wuye\Bench;

final class PurePhpBilling
{
    /** Pay factor of 100% in basis points (discounts have at most two decimals). */
    private const FULL = 10000;

    /** @var list<array{code: string, kind: string, applies: string, bounds: string, pay: array<string, int>}> */
    private array $items = [];

    /** @var array<string, int> unit-type code → index */
    private array $types = [];

    /** @var array<int, list<array{from: string, to: ?string, price: int, tiers: list<array{int, int}>}>> `[item][type]` → rates sorted by `from` */
    private array $rates = [];

    /** @var list<array{id: string, type: int, area: int, states: list<array{string, string}>, subs: list<array{string, int, ?string, ?string}>}> */
    private array $units = [];

    /** @var array<string, int> unit id → index */
    private array $index = [];

    /**
     * Loads and checks the schedule and units once (codes, decimals, overlapping rates).
     *
     * @param array<string, mixed> $schedule
     * @param list<array<string, mixed>> $units
     */
    public function __construct(array $schedule, array $units)
    {
        foreach ($schedule['unit_types'] as $k => $t) {
            $this->types[$t['code']] = $k;
        }
        $ntypes = count($this->types);
        foreach ($schedule['items'] as $it) {
            if (isset($it['rounding']) || isset($it['rounding_point'])) {
                throw new \InvalidArgumentException("item {$it['code']}: only the default rounding (half-up to the fen) is supported");
            }
            $f = $it['formula'];
            $kind = $f['kind'];
            if (!in_array($kind, ['area', 'fixed', 'metered', 'shared'], true)
                || ($kind === 'area' && ($f['basis'] ?? 'building') !== 'building')
                || ($kind === 'shared' && ($f['basis'] ?? 'building_area') !== 'building_area')) {
                throw new \InvalidArgumentException("item {$it['code']}: formula not supported by the baseline");
            }
            $pay = ['not_handed_over' => 0, 'occupied' => self::FULL, 'vacant' => self::FULL, 'renovating' => self::FULL];
            foreach ($it['state_discounts'] ?? [] as $state => $percent) {
                $pay[$state] = self::FULL - self::parse($percent, 2, "item {$it['code']}: state_discounts.$state");
            }
            $this->items[] = [
                'code' => $it['code'],
                'kind' => $kind,
                'applies' => $f['applies'] ?? 'every_unit',
                'bounds' => $f['tier_bounds'] ?? 'monthly',
                'pay' => $pay,
            ];
        }
        $codes = array_flip(array_column($this->items, 'code'));
        $this->rates = array_fill(0, count($this->items), array_fill(0, $ntypes, []));
        foreach ($schedule['rates'] ?? [] as $k => $r) {
            $i = $codes[$r['item']] ?? throw new \InvalidArgumentException("rates[$k]: unknown item {$r['item']}");
            $tiers = [];
            foreach ($r['tiers'] ?? [] as $n => $t) {
                $tiers[] = [
                    isset($t['up_to']) ? self::parse($t['up_to'], 3, "rates[$k].tiers[$n].up_to") : PHP_INT_MAX,
                    self::parse($t['price'], 4, "rates[$k].tiers[$n].price"),
                ];
            }
            $rate = [
                'from' => $r['from'],
                'to' => $r['to'] ?? null,
                'price' => isset($r['price']) ? self::parse($r['price'], 4, "rates[$k].price") : 0,
                'tiers' => $tiers,
            ];
            $types = isset($r['unit_types']) && $r['unit_types'] !== [] ? $r['unit_types'] : array_keys($this->types);
            foreach ($types as $code) {
                $this->rates[$i][$this->types[$code]][] = $rate;
            }
        }
        foreach ($this->rates as $i => $byType) {
            foreach ($byType as $t => $list) {
                usort($list, static fn (array $a, array $b): int => strcmp($a['from'], $b['from']));
                for ($k = 1; $k < count($list); $k++) {
                    $prev = $list[$k - 1];
                    if ($prev['to'] === null || $prev['to'] >= $list[$k]['from']) {
                        $type = array_search($t, $this->types, true);
                        throw new \DomainException("item {$this->items[$i]['code']}, unit type $type: rates {$prev['from']}.. and {$list[$k]['from']}.. overlap");
                    }
                }
                $this->rates[$i][$t] = $list;
            }
        }
        foreach ($units as $k => $u) {
            $subs = [];
            foreach ($u['subscriptions'] ?? [] as $s) {
                $subs[] = [$s['item'], $s['quantity'] ?? 1, $s['from'] ?? null, $s['to'] ?? null];
            }
            $states = [];
            foreach ($u['states'] ?? [] as $s) {
                $states[] = [$s['from'], $s['state']];
            }
            $this->units[] = [
                'id' => $u['id'],
                'type' => $this->types[$u['unit_type']] ?? throw new \InvalidArgumentException("units[$k]: unknown unit type"),
                'area' => self::parse($u['building_area'], 2, "unit {$u['id']}: building_area"),
                'states' => $states,
                'subs' => $subs,
            ];
            $this->index[$u['id']] = $k;
        }
    }

    /**
     * Bills every unit for one month.
     *
     * @param string $month `YYYY-MM`
     * @param array{readings?: list<array<string, mixed>>, shared?: list<array<string, mixed>>} $inputs
     * @return array{period: string, rows: list<array{string, string, string}>, total: string}
     */
    public function billMonth(string $month, array $inputs): array
    {
        $days = (int) date('t', (int) strtotime("$month-01"));
        $first = "$month-01";
        $last = sprintf('%s-%02d', $month, $days);

        // Rate pieces of the month per periodic item and unit type: [from day, to day, price].
        $pieces = [];
        foreach ($this->items as $i => $it) {
            if ($it['kind'] !== 'area' && $it['kind'] !== 'fixed') {
                continue;
            }
            foreach ($this->rates[$i] as $t => $list) {
                $ps = [];
                foreach ($list as $r) {
                    if ($r['from'] > $last || ($r['to'] !== null && $r['to'] < $first)) {
                        continue;
                    }
                    $ps[] = [
                        $r['from'] < $first ? 1 : (int) substr($r['from'], 8, 2),
                        $r['to'] === null || $r['to'] > $last ? $days : (int) substr($r['to'], 8, 2),
                        $r['price'],
                    ];
                }
                $pieces[$i][$t] = $ps;
            }
        }

        // Readings by unit, in input order.
        $readings = [];
        foreach ($inputs['readings'] ?? [] as $k => $r) {
            if (!isset($this->index[$r['unit']])) {
                throw new \InvalidArgumentException("readings[$k]: unknown unit {$r['unit']}");
            }
            $readings[$r['unit']][] = $r;
        }

        // Shared costs: each unit's part in fen.
        $shared = [];
        foreach ($inputs['shared'] ?? [] as $s) {
            $shared[] = [$s['item'], $this->apportion($s, $last)];
        }

        $rows = [];
        $total = 0;
        foreach ($this->units as $u => $unit) {
            $id = $unit['id'];
            $t = $unit['type'];
            $runs = $this->stateRuns($unit['states'], $first, $last, $days);
            foreach ($this->items as $i => $it) {
                $code = $it['code'];
                switch ($it['kind']) {
                    case 'area':
                    case 'fixed':
                        if ($this->rates[$i][$t] === []) {
                            break;
                        }
                        if ($it['kind'] === 'fixed' && $it['applies'] === 'subscribers') {
                            foreach ($unit['subs'] as [$item, $qty, $from, $to]) {
                                if ($item !== $code || ($from !== null && $from > $last) || ($to !== null && $to < $first)) {
                                    continue;
                                }
                                $a = $from === null || $from < $first ? 1 : (int) substr($from, 8, 2);
                                $b = $to === null || $to > $last ? $days : (int) substr($to, 8, 2);
                                $fen = $this->periodic($pieces[$i][$t], $runs, $it['pay'], $qty * 100, $a, $b, $days, $id, $code, $month);
                                $rows[] = [$id, $code, self::money($fen)];
                                $total += $fen;
                            }
                            break;
                        }
                        $q = $it['kind'] === 'area' ? $unit['area'] : 100;
                        $fen = $this->periodic($pieces[$i][$t], $runs, $it['pay'], $q, 1, $days, $days, $id, $code, $month);
                        $rows[] = [$id, $code, self::money($fen)];
                        $total += $fen;
                        break;
                    case 'metered':
                        foreach ($readings[$id] ?? [] as $r) {
                            if ($r['item'] === $code) {
                                $fen = $this->metered($r, $i, $t, $it['bounds']);
                                $rows[] = [$id, $code, self::money($fen)];
                                $total += $fen;
                            }
                        }
                        break;
                    case 'shared':
                        foreach ($shared as [$item, $parts]) {
                            if ($item === $code && isset($parts[$u])) {
                                $rows[] = [$id, $code, self::money($parts[$u])];
                                $total += $parts[$u];
                            }
                        }
                        break;
                }
            }
        }
        return ['period' => $month, 'rows' => $rows, 'total' => self::money($total)];
    }

    /**
     * A periodic line from day `$a` to day `$b`: Σ q × rate × days × pay over the rate
     * pieces and state runs, ÷ (100 × 10^4 rate decimals ÷ 100 fen × days in month × 10^4
     * pay), rounded half-up once.
     *
     * @param list<array{int, int, int}> $pieces
     * @param list<array{int, int, string}> $runs
     * @param array<string, int> $pay
     */
    private function periodic(array $pieces, array $runs, array $pay, int $q, int $a, int $b, int $days, string $unit, string $item, string $month): int
    {
        $num = 0;
        $next = $a;
        foreach ($pieces as [$from, $to, $price]) {
            $from = max($from, $a);
            $to = min($to, $b);
            if ($from > $to) {
                continue;
            }
            if ($from > $next) {
                break;
            }
            foreach ($runs as [$rf, $rt, $state]) {
                $x = max($from, $rf);
                $y = min($to, $rt);
                if ($x <= $y) {
                    $num += $q * $price * ($y - $x + 1) * $pay[$state];
                }
            }
            $next = $to + 1;
        }
        if ($next <= $b) {
            throw new \DomainException(sprintf('unit %s, item %s: no rate on %s-%02d', $unit, $item, $month, $next));
        }
        return self::halfUp($num, 100_000_000 * $days);
    }

    /**
     * Runs of one unit state over the month's days: [from day, to day, state].
     *
     * @param list<array{string, string}> $states
     * @return list<array{int, int, string}>
     */
    private function stateRuns(array $states, string $first, string $last, int $days): array
    {
        if ($states === []) {
            return [[1, $days, 'occupied']];
        }
        $state = 'not_handed_over';
        $runs = [];
        $start = 1;
        foreach ($states as [$from, $s]) {
            if ($from <= $first) {
                $state = $s;
                continue;
            }
            if ($from > $last) {
                break;
            }
            $day = (int) substr($from, 8, 2);
            $runs[] = [$start, $day - 1, $state];
            $start = $day;
            $state = $s;
        }
        $runs[] = [$start, $days, $state];
        return $runs;
    }

    /** A reading's amount in fen: consumption in thousandths × price (4 decimals), tiered. */
    private function metered(array $r, int $i, int $t, string $bounds): int
    {
        $prev = self::parse($r['previous'], 3, "unit {$r['unit']}: previous");
        $cur = self::parse($r['current'], 3, "unit {$r['unit']}: current");
        if ($cur < $prev) {
            throw new \DomainException("unit {$r['unit']}, item {$r['item']}: reading of {$r['date']} goes backwards ({$r['previous']} → {$r['current']})");
        }
        $qty = $cur - $prev;
        $rate = null;
        foreach ($this->rates[$i][$t] as $candidate) {
            if ($candidate['from'] <= $r['date'] && ($candidate['to'] === null || $candidate['to'] >= $r['date'])) {
                $rate = $candidate;
                break;
            }
        }
        if ($rate === null) {
            throw new \DomainException("unit {$r['unit']}, item {$r['item']}: no rate on {$r['date']}");
        }
        if ($rate['tiers'] === []) {
            return self::halfUp($qty * $rate['price'], 100_000);
        }
        $start = $bounds === 'annual' ? self::parse($r['year_to_date'] ?? throw new \InvalidArgumentException("unit {$r['unit']}: year_to_date required"), 3, 'year_to_date') : 0;
        $end = $start + $qty;
        $lo = 0;
        $num = 0;
        foreach ($rate['tiers'] as [$hi, $price]) {
            $portion = max(min($end, $hi), $lo) - max(min($start, $hi), $lo);
            if ($portion > 0) {
                $num += $portion * $price;
            }
            $lo = $hi;
            if ($lo >= $end) {
                break;
            }
        }
        // thousandths × 10^-4 yuan = 10^-7 yuan; fen = ÷ 10^5.
        return self::halfUp($num, 100_000);
    }

    /**
     * A shared cost split by building area by largest remainder 最大余数法: unit index →
     * part in fen, for the units named, or every unit handed over on the month's last day.
     *
     * @param array<string, mixed> $cost
     * @return array<int, int>
     */
    private function apportion(array $cost, string $last): array
    {
        $amount = self::parse($cost['amount'], 2, 'shared amount');
        $members = [];
        if (isset($cost['units'])) {
            foreach ($cost['units'] as $id) {
                $members[] = $this->index[$id] ?? throw new \InvalidArgumentException("shared: unknown unit $id");
            }
            sort($members);
        } else {
            foreach ($this->units as $u => $unit) {
                $state = $unit['states'] === [] ? 'occupied' : 'not_handed_over';
                foreach ($unit['states'] as [$from, $s]) {
                    if ($from > $last) {
                        break;
                    }
                    $state = $s;
                }
                if ($state !== 'not_handed_over') {
                    $members[] = $u;
                }
            }
        }
        $sum = 0;
        foreach ($members as $u) {
            $sum += $this->units[$u]['area'];
        }
        if ($sum === 0) {
            throw new \DomainException('shared cost: the areas sum to zero');
        }
        $parts = [];
        $rems = [];
        $given = 0;
        foreach ($members as $u) {
            $x = $amount * $this->units[$u]['area'];
            $q = intdiv($x, $sum);
            $parts[$u] = $q;
            $rems[$u] = $x - $q * $sum;
            $given += $q;
        }
        // The fen left over: one each to the largest remainders, ties to the earlier unit
        // (arsort is stable and the units are in index order).
        arsort($rems);
        $left = $amount - $given;
        foreach ($rems as $u => $r) {
            if ($left-- <= 0) {
                break;
            }
            $parts[$u]++;
        }
        return $parts;
    }

    /** `$n ÷ $d` rounded half-up, `$n` ≥ 0, `$d` > 0. */
    private static function halfUp(int $n, int $d): int
    {
        $q = intdiv($n, $d);
        return 2 * ($n - $q * $d) >= $d ? $q + 1 : $q;
    }

    /** Fen as a decimal string: `23209` → `"232.09"`. */
    private static function money(int $fen): string
    {
        $c = $fen % 100;
        return intdiv($fen, 100) . ($c < 10 ? '.0' : '.') . $c;
    }

    /** A non-negative decimal string as an integer of `$scale` decimals: `("98.76", 2)` → 9876. */
    private static function parse(mixed $s, int $scale, string $what): int
    {
        if (!is_string($s) || !preg_match('/^(\d{1,15})(?:\.(\d{1,' . $scale . '}))?$/', $s, $m)) {
            throw new \InvalidArgumentException("$what: " . var_export($s, true) . " is not a decimal string with at most $scale decimals");
        }
        return (int) ($m[1] . str_pad($m[2] ?? '', $scale, '0'));
    }
}
