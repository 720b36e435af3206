<?php

declare(strict_types=1);

namespace Wuye;

use FFI\CData;

/**
 * A customer-service desk 客户服务中心: its requests with their SLA clocks, configuration,
 * SLA policy and business calendar, held by libwuye behind a handle.
 *
 * ```php
 * $engine = Engine::standard();
 * $engine->requestRegister([
 *     'id' => 'R1', 'kind' => RequestKind::Repair, 'priority' => Priority::Normal,
 *     'channel' => Channel::Phone, 'location' => ['unit' => '3-1-502'],
 *     'reporter' => ['kind' => 'owner', 'name' => '王女士', 'phone' => '13800000000'],
 *     'description' => '厨房水龙头漏水',
 * ], Actor::agent('kf01'), '2026-03-02T09:00:00+08:00');
 * $engine->requestExecute('R1', Command::dispatch('engineering', 'w1'), Actor::dispatcher('dd01'), '2026-03-02T09:05:00+08:00');
 * ```
 *
 * Each operation of the versioned JSON contract is one method, generated from the contract's
 * schema into {@see Operations}: its arguments' members as parameters (required first,
 * optional ones defaulting to null, so named arguments read well), its `result` returned as
 * the contract's JSON decoded to PHP arrays (objects become associative arrays). Instants are
 * RFC 3339 strings with an offset (`2026-03-02T09:00:00+08:00`) or any DateTimeInterface;
 * dates are `YYYY-MM-DD` strings or DateTimeInterface. A refusal throws the
 * {@see WuyeException} subclass of its status and leaves the engine unchanged.
 *
 * Written here: loading, lifecycle and the raw calls; {@see Engine::feeLoadEstate()} and
 * {@see Engine::feeBillEstate()} (JSON text passed through, the compact response read without
 * json_decode); and the conveniences {@see Engine::exportJson()},
 * {@see Engine::loadedEstate()} and {@see Engine::billEstateRows()}.
 *
 * The handle is freed when the object is destroyed, or earlier by {@see Engine::close()};
 * a closed engine answers every call with {@see InvalidHandleException}. `clone` makes an
 * independent copy (through the exported state). An engine belongs to one PHP process.
 */
final class Engine
{
    use Operations;

    private const EXPORT_REQUEST = '{"v":1,"op":"engine.export","args":{}}';
    private const EXPORT_PREFIX = '{"v":1,"ok":true,"result":{"state":';

    private ?CData $handle = null;

    /** @var list<string>|null unit ids of the estate loaded through this object, in load order */
    private ?array $estateUnits = null;

    /** @var list<string> item codes of that estate */
    private array $estateItems = [];

    /**
     * Creates an engine from its configuration.
     *
     * @param array<string, mixed>|string|null $config `null` for the standard desk; an array
     *        with any of `config`, `policy`, `calendar` (or a saved `state`), `v` optional; or
     *        the configuration JSON as bytes (`{"v":1,...}`), passed through unchanged.
     * @param string|null $library path of libwuye.so (see {@see Library::load()}).
     * @throws InvalidConfigException|InvalidRequestException|MalformedJsonException|WuyeException
     *         when the library refuses the configuration.
     * @throws LibraryException when libwuye cannot be loaded.
     */
    public function __construct(array|string|null $config = null, ?string $library = null)
    {
        Library::load($library);
        if ($config === null) {
            $json = '{"v":1}';
        } elseif (is_string($config)) {
            $json = $config;
        } else {
            $json = Contract::encode(array_merge(['v' => Contract::VERSION], $config));
        }
        $this->handle = Library::newEngine($json);
    }

    /** The standard desk: default departments, standard SLA policy, mainland China calendar. */
    public static function standard(?string $library = null): self
    {
        return new self(null, $library);
    }

    /**
     * An engine restored from a state saved by {@see Engine::engineExport()} (its `state`) or
     * {@see Engine::exportJson()} (JSON text, restored byte for byte).
     *
     * @param array<string, mixed>|string $state
     */
    public static function fromState(array|string $state, ?string $library = null): self
    {
        if (is_string($state)) {
            return new self('{"v":1,"state":' . $state . '}', $library);
        }
        // PHP decodes `{}` and `[]` alike; the request map of an empty desk must go back as `{}`.
        if (($state['requests'] ?? null) === []) {
            $state['requests'] = new \stdClass();
        }
        return new self(['state' => $state], $library);
    }

    public function __destruct()
    {
        $this->close();
    }

    /** A copy of the engine with its own handle: later calls on one do not affect the other. */
    public function __clone()
    {
        if ($this->handle !== null) {
            $this->handle = Library::newEngine('{"v":1,"state":' . $this->exportJson() . '}');
        }
        // A loaded estate is not part of the state: the copy has none.
        $this->forgetEstate();
    }

    /** Frees the handle now. Idempotent; later calls throw {@see InvalidHandleException}. */
    public function close(): void
    {
        if ($this->handle !== null) {
            $handle = $this->handle;
            $this->handle = null;
            Library::freeEngine($handle);
        }
    }

    /** Whether {@see Engine::close()} has been called. */
    public function isClosed(): bool
    {
        return $this->handle === null;
    }

    // ---- raw contract ---------------------------------------------------------------------

    /**
     * Runs one operation of the contract and returns its `result`.
     *
     * @param array<string, mixed> $args the operation's arguments (sent as `{}` when empty)
     * @return array<string, mixed>
     * @throws WuyeException the subclass of the failure's status.
     */
    public function call(string $op, array $args = []): array
    {
        if ($op === 'fee.load_estate') {
            $this->forgetEstate();
        }
        return Contract::decode(Library::call($this->handle, Contract::request($op, $args)));
    }

    /**
     * Sends request bytes as they are and returns the response bytes, for hosts that already
     * hold contract JSON. Never throws for a refused request: the failure is in the response
     * (`"ok":false`); {@see Contract::decode()} turns a response into its result or exception.
     */
    public function callJson(string $requestJson): string
    {
        if (str_contains($requestJson, 'fee.load_estate')) {
            $this->forgetEstate();
        }
        return Library::call($this->handle, $requestJson);
    }

    /**
     * Runs one operation against a fresh engine made from `$config`, without keeping it
     * (`wuye_call_once`), e.g. calendar questions.
     *
     * @param array<string, mixed> $args
     * @param array<string, mixed>|string|null $config as for the constructor
     * @return array<string, mixed>
     */
    public static function callOnce(string $op, array $args = [], array|string|null $config = null): array
    {
        $configJson = match (true) {
            $config === null => '{"v":1}',
            is_string($config) => $config,
            default => Contract::encode(array_merge(['v' => Contract::VERSION], $config)),
        };
        return Contract::decode(Library::callOnce($configJson, Contract::request($op, $args)));
    }

    /** Byte-level {@see Engine::callOnce()}: configuration and request JSON in, response JSON out. */
    public static function callOnceJson(string $configJson, string $requestJson): string
    {
        return Library::callOnce($configJson, $requestJson);
    }

    // ---- conveniences ---------------------------------------------------------------------

    /** `engine.export` as the state's JSON text, exactly as the library wrote it. */
    public function exportJson(): string
    {
        $response = Library::call($this->handle, self::EXPORT_REQUEST);
        if (str_starts_with($response, self::EXPORT_PREFIX) && str_ends_with($response, '}}')) {
            return substr($response, strlen(self::EXPORT_PREFIX), -2);
        }
        return Contract::encode(Contract::decode($response)['state']);
    }

    // ---- fees: the two operations written by hand ------------------------------------------

    /**
     * `fee.load_estate`: loads an estate's schedule and units into the engine once (checked
     * and indexed) for {@see Engine::feeBillEstate()} and {@see Engine::feeBill()} without inline
     * data. Replaces any estate loaded before. The estate is not part of the exported state
     * (nor of a clone): load it again into a restored engine.
     *
     * @param array<string, mixed>|string $schedule the schedule, or its JSON text
     * @param list<array<string, mixed>>|string $units the units, or their JSON text (a list)
     * @return array{units: int, items: list<string>} the number of units and the item codes
     *         (a compact line's `item` indexes this list, its `unit` the units as given)
     */
    public function feeLoadEstate(array|string $schedule, array|string $units): array
    {
        $request = '{"v":1,"op":"fee.load_estate","args":{"schedule":'
            . (is_string($schedule) ? $schedule : Contract::encode($schedule))
            . ',"units":' . (is_string($units) ? $units : Contract::encode(array_values($units))) . '}}';
        $result = Contract::decode(Library::call($this->handle, $request));
        $list = is_string($units) ? json_decode($units, true, 512, JSON_THROW_ON_ERROR) : array_values($units);
        $this->estateUnits = array_map(static fn (array $u): string => (string) $u['id'], $list);
        $this->estateItems = $result['items'];
        return $result;
    }

    /**
     * The unit ids and item codes of the estate loaded by {@see Engine::feeLoadEstate()} (what
     * a compact line's `unit` and `item` indices point to), or null when none was loaded
     * through this object.
     *
     * @return array{units: list<string>, items: list<string>}|null
     */
    public function loadedEstate(): ?array
    {
        return $this->estateUnits === null ? null : ['units' => $this->estateUnits, 'items' => $this->estateItems];
    }

    /**
     * `fee.bill_estate`: every line of the loaded estate for a period, compactly, as three
     * parallel columns in unit order then item order: `unit` (index into the units as
     * loaded), `item` (index into the item codes), `amount` (decimal string). All or
     * nothing. Traces on demand with {@see Engine::feeBill()} and `only`. The parameters
     * follow the rule of the generated methods ({@see Operations}).
     *
     * ```php
     * $r = $engine->feeBillEstate('2026-09', readings: $readings);
     * // ['period' => '2026-09', 'lines' => ['unit' => [0, 0, 1], 'item' => [0, 1, 0],
     * //  'amount' => ['232.09', '67.20', '198.22']], 'total' => '497.51']
     * ```
     *
     * @param string $period The period 账期.
     * @param list<array<string, mixed>>|null $parking Temporary parking stays 临时停车.
     * @param array<string, mixed>|list<array<string, mixed>>|null $readings Meter readings 抄表,
     *        as rows or as columns.
     * @param list<array<string, mixed>>|null $shared Shared costs 公摊 to apportion.
     * @param list<array<string, mixed>>|null $usage Usage of per-use items (e.g. housekeeping 家政).
     * @return array{period: string, lines: array{unit: list<int>, item: list<int>, amount: list<string>}, total: string}
     * @throws RefusedException `no_estate` when none is loaded; `reading_backwards`, ...
     */
    public function feeBillEstate(
        string $period,
        ?array $parking = null,
        ?array $readings = null,
        ?array $shared = null,
        ?array $usage = null,
    ): array {
        $r = $this->billEstateColumns($period, $parking, $readings, $shared, $usage);
        $r['lines']['unit'] = array_map('intval', $r['lines']['unit']);
        $r['lines']['item'] = array_map('intval', $r['lines']['item']);
        return $r;
    }

    /**
     * {@see Engine::feeBillEstate()} as the rows a host stores 账单明细: one
     * `[unit id, item code, amount]` per line, in the same order, with the ids and codes of
     * the estate loaded through this object; plus the period and total. The parameters are
     * those of {@see Engine::feeBillEstate()}.
     *
     * ```php
     * $engine->feeLoadEstate($schedule, $units);
     * $r = $engine->billEstateRows('2026-09', readings: $readings);
     * // $r['rows'][0] === ['1-101', 'property_fee', '232.09']
     * ```
     *
     * @param string $period The period 账期.
     * @param list<array<string, mixed>>|null $parking Temporary parking stays 临时停车.
     * @param array<string, mixed>|list<array<string, mixed>>|null $readings Meter readings 抄表,
     *        as rows or as columns.
     * @param list<array<string, mixed>>|null $shared Shared costs 公摊 to apportion.
     * @param list<array<string, mixed>>|null $usage Usage of per-use items (e.g. housekeeping 家政).
     * @return array{period: string, rows: list<array{string, string, string}>, total: string}
     * @throws RefusedException `no_estate` when no estate was loaded through this object.
     */
    public function billEstateRows(
        string $period,
        ?array $parking = null,
        ?array $readings = null,
        ?array $shared = null,
        ?array $usage = null,
    ): array {
        if ($this->estateUnits === null) {
            throw new RefusedException('no_estate', 'no estate was loaded through this Engine object: call feeLoadEstate() first');
        }
        $r = $this->billEstateColumns($period, $parking, $readings, $shared, $usage);
        $ids = $this->estateUnits;
        $codes = $this->estateItems;
        $unit = $r['lines']['unit'];
        $item = $r['lines']['item'];
        $rows = [];
        foreach ($r['lines']['amount'] as $k => $amount) {
            $rows[] = [$ids[$unit[$k]], $codes[$item[$k]], $amount];
        }
        return ['period' => $r['period'], 'rows' => $rows, 'total' => $r['total']];
    }

    /**
     * The `fee.bill_estate` result with its columns as they come: on the fast path below
     * `unit` and `item` hold numeric strings (PHP turns them into integer keys on lookup).
     *
     * @param array<string, mixed>|list<array<string, mixed>>|null $readings
     * @param list<array<string, mixed>>|null $parking
     * @param list<array<string, mixed>>|null $shared
     * @param list<array<string, mixed>>|null $usage
     * @return array{period: string, lines: array{unit: list<int|string>, item: list<int|string>, amount: list<string>}, total: string}
     */
    private function billEstateColumns(string $period, ?array $parking, ?array $readings, ?array $shared, ?array $usage): array
    {
        $args = Contract::args([
            'period' => $period,
            'parking' => $parking,
            'readings' => $readings,
            'shared' => $shared,
            'usage' => $usage,
        ]);
        $response = Library::call($this->handle, Contract::request('fee.bill_estate', $args));
        return self::compactColumns($response) ?? Contract::decode($response);
    }

    /**
     * The columns of a `fee.bill_estate` response cut out of its bytes, or null when the
     * bytes are not exactly the success shape.
     *
     * The response has a fixed shape — integers, then decimal strings, nothing escaped — so
     * the columns are cut out with `explode`, faster than `json_decode` of an estate's lines
     * (README.md, Performance). Anything else (a failure, another shape) goes through
     * `Contract::decode`.
     *
     * @internal
     * @return array{period: string, lines: array{unit: list<string>, item: list<string>, amount: list<string>}, total: string}|null
     */
    public static function compactColumns(string $response): ?array
    {
        $head = '{"v":1,"ok":true,"result":{"period":"';
        if (!str_starts_with($response, $head) || !str_ends_with($response, '"}}')) {
            return null;
        }
        $a = strlen($head);
        $b = strpos($response, '","lines":{"unit":[', $a);
        if ($b === false) {
            return null;
        }
        $u = $b + 19;
        $i = strpos($response, '],"item":[', $u);
        $m = $i === false ? false : strpos($response, '],"amount":[', $i + 10);
        $t = $m === false ? false : strpos($response, ']},"total":"', $m + 12);
        if ($t === false || strpos($response, '"', $t + 12) !== strlen($response) - 3) {
            return null;
        }
        $unit = $i === $u ? [] : explode(',', substr($response, $u, $i - $u));
        $item = $m === $i + 10 ? [] : explode(',', substr($response, $i + 10, $m - $i - 10));
        $amount = $t === $m + 12 ? [] : explode('","', substr($response, $m + 13, $t - $m - 14));
        if (count($unit) !== count($item) || count($item) !== count($amount)) {
            return null;
        }
        return [
            'period' => substr($response, $a, $b - $a),
            'lines' => ['unit' => $unit, 'item' => $item, 'amount' => $amount],
            'total' => substr($response, $t + 12, -3),
        ];
    }

    // ---- helpers --------------------------------------------------------------------------

    /**
     * Forgets the ids of the loaded estate: after a clone, or when an estate may have been
     * loaded without {@see Engine::feeLoadEstate()} (through `call` or `callJson`), so that
     * {@see Engine::billEstateRows()} never maps lines to the ids of another estate.
     */
    private function forgetEstate(): void
    {
        $this->estateUnits = null;
        $this->estateItems = [];
    }
}
