<?php

declare(strict_types=1);

namespace Wuye;

use DateTimeInterface;
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
 * Every method is one operation of the versioned JSON contract; results are the contract's
 * JSON decoded to PHP arrays (objects become associative arrays). Instants are RFC 3339
 * strings with an offset (`2026-03-02T09:00:00+08:00`) or any DateTimeInterface; dates are
 * `YYYY-MM-DD` strings or DateTimeInterface. A refusal throws the {@see WuyeException}
 * subclass of its status and leaves the engine unchanged.
 *
 * The handle is freed when the object is destroyed, or earlier by {@see Engine::close()};
 * a closed engine answers every call with {@see InvalidHandleException}. `clone` makes an
 * independent copy (through the exported state). An engine belongs to one PHP process.
 */
final class Engine
{
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
     * An engine restored from a state saved by {@see Engine::engineExport()} (an array) or
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

    // ---- engine ---------------------------------------------------------------------------

    /**
     * `engine.info`: contract and library versions, number of requests, operations.
     *
     * @return array{contract_version: int, library_version: string, requests: int, operations: list<string>}
     */
    public function engineInfo(): array
    {
        return $this->call('engine.info');
    }

    /**
     * `engine.export`: the whole state (configuration, policy, calendar, requests and clocks),
     * to be restored with {@see Engine::fromState()}.
     *
     * @return array<string, mixed>
     */
    public function engineExport(): array
    {
        return $this->call('engine.export')['state'];
    }

    /** `engine.export` as the state's JSON text, exactly as the library wrote it. */
    public function exportJson(): string
    {
        $response = Library::call($this->handle, self::EXPORT_REQUEST);
        if (str_starts_with($response, self::EXPORT_PREFIX) && str_ends_with($response, '}}')) {
            return substr($response, strlen(self::EXPORT_PREFIX), -2);
        }
        return Contract::encode(Contract::decode($response)['state']);
    }

    // ---- calendar -------------------------------------------------------------------------

    /** `calendar.is_working_day`: whether a date is a working day 工作日 (make-up days count). */
    public function calendarIsWorkingDay(string|DateTimeInterface $date): bool
    {
        return $this->call('calendar.is_working_day', ['date' => self::date($date)])['working'];
    }

    /** `calendar.working_days`: working days from `$from` to `$to`, both included. */
    public function calendarWorkingDays(string|DateTimeInterface $from, string|DateTimeInterface $to): int
    {
        return $this->call('calendar.working_days', ['from' => self::date($from), 'to' => self::date($to)])['days'];
    }

    /** `calendar.add`: the instant `$seconds` of business time after `$start`. */
    public function calendarAdd(string|DateTimeInterface $start, int $seconds): string
    {
        return $this->call('calendar.add', ['start' => self::instant($start), 'seconds' => $seconds])['instant'];
    }

    /** `calendar.between`: business seconds from `$from` to `$to`. */
    public function calendarBetween(string|DateTimeInterface $from, string|DateTimeInterface $to): int
    {
        return $this->call('calendar.between', ['from' => self::instant($from), 'to' => self::instant($to)])['seconds'];
    }

    /** `calendar.next_working_instant`: `$at` itself if within working hours, else the next start. */
    public function calendarNextWorkingInstant(string|DateTimeInterface $at): string
    {
        return $this->call('calendar.next_working_instant', ['at' => self::instant($at)])['instant'];
    }

    // ---- requests -------------------------------------------------------------------------

    /**
     * `request.register` 受理登记: registers a new request and returns its events.
     *
     * @param array<string, mixed> $request `id`, `kind`, `priority`, `channel`, `location`,
     *        `reporter`, `description` (enums may be given as cases)
     * @param Actor|array{role: string, id: string} $actor
     * @return list<array<string, mixed>> the events
     */
    public function requestRegister(array $request, Actor|array $actor, string|DateTimeInterface $now): array
    {
        return $this->call('request.register', [
            'request' => $request,
            'actor' => $actor,
            'now' => self::instant($now),
        ])['events'];
    }

    /**
     * `request.execute`: takes one step on a request and returns its events.
     *
     * @param Command|array<string, mixed> $command
     * @param Actor|array{role: string, id: string} $actor
     * @return list<array<string, mixed>> the events
     */
    public function requestExecute(string $id, Command|array $command, Actor|array $actor, string|DateTimeInterface $now): array
    {
        return $this->call('request.execute', [
            'id' => $id,
            'command' => $command,
            'actor' => $actor,
            'now' => self::instant($now),
        ])['events'];
    }

    /**
     * `request.execute_batch`: several steps in one call. Each stands alone: a refused step
     * changes nothing and the next one runs. Returns one item per step, in order:
     * `['ok' => true, 'result' => ['events' => [...]]]` or
     * `['ok' => false, 'error' => ['status' => 7, 'code' => '...', 'message' => '...']]`
     * ({@see WuyeException::fromError()} makes the exception of an error).
     *
     * @param list<array{id: string, command: Command|array<string, mixed>, actor: Actor|array<string, string>, now: string|DateTimeInterface}> $steps
     * @return list<array<string, mixed>>
     */
    public function requestExecuteBatch(array $steps): array
    {
        foreach ($steps as $i => $step) {
            if (($step['now'] ?? null) instanceof DateTimeInterface) {
                $steps[$i]['now'] = self::instant($step['now']);
            }
        }
        return $this->call('request.execute_batch', ['steps' => $steps])['results'];
    }

    /**
     * `request.get`: a request with its stage 工单.
     *
     * @return array<string, mixed> `details`, `registered_at`, `last_event_at`, `stage`, counters
     */
    public function requestGet(string $id): array
    {
        return $this->call('request.get', ['id' => $id])['request'];
    }

    // ---- SLA ------------------------------------------------------------------------------

    /**
     * `sla.status`: every SLA clock of a request as of an instant (not before its last event).
     *
     * @return array<string, mixed> `request`, `as_of`, `cycles` (each with its `clocks`)
     */
    public function slaStatus(string $id, string|DateTimeInterface $asOf): array
    {
        return $this->call('sla.status', ['id' => $id, 'as_of' => self::instant($asOf)]);
    }

    /**
     * `sla.status_batch`: the status of the given requests (`null`: every request, in id
     * order). One item per request: `['ok' => true, 'result' => status]` or
     * `['ok' => false, 'error' => [...]]`.
     *
     * @param list<string>|null $ids
     * @return list<array<string, mixed>>
     */
    public function slaStatusBatch(?array $ids, string|DateTimeInterface $asOf): array
    {
        $args = ['as_of' => self::instant($asOf)];
        if ($ids !== null) {
            $args['ids'] = array_values($ids);
        }
        return $this->call('sla.status_batch', $args)['statuses'];
    }

    /**
     * `sla.tick`: records the escalations 升级 that fell due by `$now` and returns them as
     * `escalated` events (each exactly once, however often the host ticks).
     *
     * @return list<array<string, mixed>>
     */
    public function slaTick(string|DateTimeInterface $now): array
    {
        return $this->call('sla.tick', ['now' => self::instant($now)])['events'];
    }

    /**
     * `log.replay`: applies recorded events (all or nothing).
     *
     * @param list<array<string, mixed>> $events
     * @return array{applied: int, requests: int}
     */
    public function logReplay(array $events): array
    {
        return $this->call('log.replay', ['events' => array_values($events)]);
    }

    /**
     * `sla.status_from_events`: the SLA status of one request computed from its events alone,
     * with this engine's policy and calendar (the engine is not changed).
     *
     * @param list<array<string, mixed>> $events
     * @return array<string, mixed>
     */
    public function slaStatusFromEvents(array $events, string|DateTimeInterface $asOf): array
    {
        return $this->call('sla.status_from_events', [
            'events' => array_values($events),
            'as_of' => self::instant($asOf),
        ]);
    }

    // ---- fees 收费 --------------------------------------------------------------------------

    /**
     * `fee.bill`: bills 账单 with traces 计算过程 for a period (`2026-09`, `2026-Q3`, `2026`,
     * `2026-09-16..2026-09-30`). Give `$schedule` and `$units` to bill them as given
     * (nothing is kept), or neither to bill the estate loaded with {@see Engine::feeLoadEstate()};
     * `$only` limits the bills to some unit ids (shared costs are still apportioned across
     * all of their units).
     *
     * ```php
     * $r = $engine->feeBill('2026-09', schedule: $schedule, units: $units);
     * $r['bills'][0]['lines'][0]['amount'];   // "116.04"
     * $r['bills'][0]['lines'][0]['trace']['text'];
     * ```
     *
     * @param array{readings?: list<array<string, mixed>>, usage?: list<array<string, mixed>>, parking?: list<array<string, mixed>>, shared?: list<array<string, mixed>>} $inputs
     *        the run's inputs: meter `readings`, `usage` (uses, hours, one-offs), temporary
     *        `parking` stays and `shared` costs. Money, rates and readings are decimal strings.
     * @param array<string, mixed>|null $schedule the fee schedule 收费标准 (with `$units`)
     * @param list<array<string, mixed>>|null $units the units 房屋 (with `$schedule`)
     * @param list<string>|null $only unit ids to bill (default: every unit)
     * @return array{bills: list<array<string, mixed>>, total: string}
     * @throws RefusedException `overlapping_rates`, `rate_not_covered`, `reading_backwards`,
     *         `invalid_fee_input`, `unknown_code`, `no_estate`, ... (nothing is returned half-done).
     * @throws InvalidRequestException an unparseable amount, rate or date (`invalid_value`), a
     *         number where a decimal string belongs (`wrong_type`), an unknown field.
     */
    public function feeBill(string $period, array $inputs = [], ?array $schedule = null, ?array $units = null, ?array $only = null): array
    {
        $args = ['period' => $period];
        if ($schedule !== null) {
            $args['schedule'] = $schedule;
        }
        if ($units !== null) {
            $args['units'] = array_values($units);
        }
        $args += self::feeInputs($inputs);
        if ($only !== null) {
            $args['only'] = array_values($only);
        }
        return $this->call('fee.bill', $args);
    }

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
     * nothing. Traces on demand with {@see Engine::feeBill()} and `only`.
     *
     * ```php
     * $r = $engine->feeBillEstate('2026-09', ['readings' => $readings]);
     * // ['period' => '2026-09', 'lines' => ['unit' => [0, 0, 1], 'item' => [0, 1, 0],
     * //  'amount' => ['232.09', '67.20', '198.22']], 'total' => '497.51']
     * ```
     *
     * @param array{readings?: list<array<string, mixed>>, usage?: list<array<string, mixed>>, parking?: list<array<string, mixed>>, shared?: list<array<string, mixed>>} $inputs
     * @return array{period: string, lines: array{unit: list<int>, item: list<int>, amount: list<string>}, total: string}
     * @throws RefusedException `no_estate` when none is loaded; `reading_backwards`, ...
     */
    public function feeBillEstate(string $period, array $inputs = []): array
    {
        $r = $this->billEstateColumns($period, $inputs);
        $r['lines']['unit'] = array_map('intval', $r['lines']['unit']);
        $r['lines']['item'] = array_map('intval', $r['lines']['item']);
        return $r;
    }

    /**
     * {@see Engine::feeBillEstate()} as the rows a host stores 账单明细: one
     * `[unit id, item code, amount]` per line, in the same order, with the ids and codes of
     * the estate loaded through this object; plus the period and total.
     *
     * ```php
     * $engine->feeLoadEstate($schedule, $units);
     * $r = $engine->billEstateRows('2026-09', ['readings' => $readings]);
     * // $r['rows'][0] === ['1-101', 'property_fee', '232.09']
     * ```
     *
     * @param array{readings?: list<array<string, mixed>>, usage?: list<array<string, mixed>>, parking?: list<array<string, mixed>>, shared?: list<array<string, mixed>>} $inputs
     * @return array{period: string, rows: list<array{string, string, string}>, total: string}
     * @throws RefusedException `no_estate` when no estate was loaded through this object.
     */
    public function billEstateRows(string $period, array $inputs = []): array
    {
        if ($this->estateUnits === null) {
            throw new RefusedException('no_estate', 'no estate was loaded through this Engine object: call feeLoadEstate() first');
        }
        $r = $this->billEstateColumns($period, $inputs);
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
     * `fee.parking`: the charge for one temporary-parking stay 临时停车 under a tariff
     * (`free_minutes`, `first_minutes`, `first_price`, `increment_minutes`,
     * `increment_price`, `daily_cap`; prices are decimal strings).
     *
     * @param array<string, mixed> $tariff
     * @return array{charge: array<string, mixed>, text: list<string>} `charge.amount` is the total
     */
    public function feeParking(array $tariff, string|DateTimeInterface $entry, string|DateTimeInterface $exit): array
    {
        return $this->call('fee.parking', [
            'tariff' => $tariff,
            'entry' => self::instant($entry),
            'exit' => self::instant($exit),
        ]);
    }

    /**
     * `fee.apportion`: splits an amount by weights (areas, shares) by largest remainder
     * 最大余数法; the parts sum exactly to the amount.
     *
     * @param string $amount decimal string with at most two decimals (`"1000.00"`)
     * @param list<string> $weights decimal strings (`"98.76"`), not negative, positive sum
     * @return list<string> the parts, as decimal strings
     * @throws InvalidRequestException an amount that is not a decimal string of fen (`invalid_value`).
     * @throws RefusedException `bad_weights`.
     */
    public function feeApportion(string $amount, array $weights): array
    {
        return $this->call('fee.apportion', ['amount' => $amount, 'weights' => array_values($weights)])['parts'];
    }

    /**
     * `fee.account.execute`: one command on an account 账户 (`post_charges`, `pay`, `deposit`,
     * `refund`, `credit_note`, `waive_late_fee`, `apply_prepaid`; `type` names it). The
     * account is state the host keeps: store the returned account and events; a refused
     * command throws and the host keeps the account it has.
     *
     * @param array<string, mixed> $account
     * @param array<string, mixed> $command e.g. `['type' => 'pay', 'receipt' => 'R001', 'date' => '2026-09-25', 'amount' => '100.00']`
     * @return array{account: array<string, mixed>, events: list<array<string, mixed>>}
     */
    public function feeAccountExecute(array $account, array $command): array
    {
        return $this->call('fee.account.execute', ['account' => $account, 'command' => $command]);
    }

    /**
     * `fee.account.late_fees`: late fees 滞纳金 of an account as of a date, per charge, with
     * their periods and text.
     *
     * @param array<string, mixed> $account
     * @return array{late_fees: list<array<string, mixed>>, outstanding: string}
     */
    public function feeAccountLateFees(array $account, string|DateTimeInterface $asOf): array
    {
        return $this->call('fee.account.late_fees', ['account' => $account, 'as_of' => self::date($asOf)]);
    }

    /**
     * `fee.account.arrears`: arrears ageing 账龄 as of a date, in buckets by days overdue
     * (upper bounds; default `[30, 90, 180, 365]`).
     *
     * @param array<string, mixed> $account
     * @param list<int>|null $buckets
     * @return array<string, mixed> `buckets`, `not_due`, `overdue_principal`, `overdue_late_fee`, `prepaid`, `lines`
     */
    public function feeAccountArrears(array $account, string|DateTimeInterface $asOf, ?array $buckets = null): array
    {
        $args = ['account' => $account, 'as_of' => self::date($asOf)];
        if ($buckets !== null) {
            $args['buckets'] = array_values($buckets);
        }
        return $this->call('fee.account.arrears', $args);
    }

    // ---- surveys 满意度 ----------------------------------------------------------------------
    //
    // Pure functions of their arguments: they read nothing from the engine and change nothing.
    // Figures come back as the contract writes them: decimal **strings** with fixed places
    // ("87.50", "-0.7667"), exactly as for money — a PHP float would round them again
    // (0.1 + 0.2 ≠ 0.3) and lose the places ("60.00" → 60.0); compare them as strings, store
    // them in DECIMAL columns, compute with bcmath. A figure over no answers is `null` ("no
    // data", never 0). Weights and service-line figures go in as decimal strings too ("40",
    // "12.5"). A refusal throws RefusedException with code `invalid_survey` (or `overflow`),
    // its message naming the response, item and answer at fault.

    /**
     * `survey.servqual`: SERVQUAL 服务质量差距 — mean expectation 期望, mean perception 感知
     * and the gap P − E per item (over those who answered both), per dimension (the mean of
     * its items), overall (the mean of the five) and weighted.
     *
     * ```php
     * $r = $engine->surveyServqual([
     *     ['id' => '3-1-502 王女士', 'expectation' => [6, 7, 7, 6, 6, 2], 'perception' => [5, 5, 6, 4, 6, 3]],
     *     ['id' => '5-1-1203 张阿姨', 'expectation' => [6, 6, 7, 6, 5, 2], 'perception' => [6, 6, null, 5, 6, 4]],
     * ], items: [
     *     ['id' => '门岗形象', 'dimension' => ServqualDimension::Tangibles],
     *     // ...
     *     ['id' => '漠不关心', 'dimension' => ServqualDimension::Empathy, 'reverse' => true],
     * ], weights: ['tangibles' => '10', 'reliability' => '35', 'responsiveness' => '25', 'assurance' => '15', 'empathy' => '15']);
     * $r['overall']['gap'];      // "-1.1750"
     * $r['weighted']['gap'];     // "-1.3813"
     * ```
     *
     * @param list<array{id?: string, expectation: list<int|null>, perception: list<int|null>, weights?: array<string, string>}> $responses
     *        one answer per item in item order (`null`: skipped); `weights` a respondent's own
     *        100-point allocation (keys `tangibles` ... `empathy`)
     * @param list<array{id: string, dimension: ServqualDimension|string, reverse?: bool}>|null $items
     *        `null`: the standard 22 items `q1`–`q22`
     * @param array<string, string>|null $weights fixed weights summing to 100 (not together
     *        with respondents' weights)
     * @param array{min: int, max: int}|null $scale default 1–7
     * @return array{respondents: int, scale: array{min: int, max: int}, items: list<array<string, mixed>>, dimensions: list<array<string, mixed>>, overall: array{expectation: ?string, perception: ?string, gap: ?string}, weighted: array{source: string, respondents: int, weights: array<string, string>, gap: ?string}|null}
     *         means and gaps to 4 places, `null` without answers; `weighted` `null` without weights
     * @throws RefusedException `invalid_survey`: an answer off the scale, a list of the wrong
     *         length, weights not summing to 100, a duplicate item, a dimension without items.
     */
    public function surveyServqual(array $responses, ?array $items = null, ?array $weights = null, ?array $scale = null): array
    {
        return $this->call('survey.servqual', self::surveyArgs($responses, $items, $weights, $scale));
    }

    /**
     * `survey.servperf`: SERVPERF 服务绩效 — the arguments of {@see Engine::surveyServqual()},
     * perceptions only (`expectation` may be left out; when given it is checked, not used).
     *
     * @param list<array{id?: string, expectation?: list<int|null>, perception: list<int|null>, weights?: array<string, string>}> $responses
     * @param list<array{id: string, dimension: ServqualDimension|string, reverse?: bool}>|null $items
     * @param array<string, string>|null $weights
     * @param array{min: int, max: int}|null $scale
     * @return array{respondents: int, scale: array{min: int, max: int}, items: list<array<string, mixed>>, dimensions: list<array<string, mixed>>, overall: ?string, weighted: array{source: string, respondents: int, weights: array<string, string>, perception: ?string}|null}
     * @throws RefusedException `invalid_survey`, as {@see Engine::surveyServqual()}.
     */
    public function surveyServperf(array $responses, ?array $items = null, ?array $weights = null, ?array $scale = null): array
    {
        return $this->call('survey.servperf', self::surveyArgs($responses, $items, $weights, $scale));
    }

    /**
     * `survey.csat`: CSAT 顾客满意度 — the share of answers in the top boxes of the scale
     * (default 1–5, the top 2) with its Wilson interval, the mean and the count of each point.
     *
     * ```php
     * $engine->surveyCsat([5, 5, 4, 4, 4, 3, 3, 2, 5, 1])['csat'];
     * // ['count' => 6, 'total' => 10, 'percent' => '60.00', 'interval' => ['low' => '31.26', 'high' => '83.19']]
     * ```
     *
     * @param list<int> $answers
     * @param array{min: int, max: int}|null $scale default 1–5
     * @param int|null $topBoxes default 2
     * @return array{scale: array{min: int, max: int}, top_boxes: int, answers: int, distribution: list<int>, mean: ?string, csat: array{count: int, total: int, percent: ?string, interval: array{low: string, high: string}|null}}
     * @throws RefusedException `invalid_survey` for an answer off the scale or a bad `$topBoxes`.
     */
    public function surveyCsat(array $answers, ?array $scale = null, ?int $topBoxes = null): array
    {
        $args = [];
        if ($scale !== null) {
            $args['scale'] = $scale;
        }
        if ($topBoxes !== null) {
            $args['top_boxes'] = $topBoxes;
        }
        $args['answers'] = array_values($answers);
        return $this->call('survey.csat', $args);
    }

    /**
     * `survey.nps`: Net Promoter Score 净推荐值 of answers 0–10 (promoters 9–10, passives
     * 7–8, detractors 0–6) with its standard error, margin and 95% interval.
     *
     * @param list<int> $answers
     * @return array{answers: int, distribution: list<int>, promoters: array{count: int, percent: ?string}, passives: array{count: int, percent: ?string}, detractors: array{count: int, percent: ?string}, nps: ?string, standard_error: ?string, margin: ?string, interval: array{low: string, high: string}|null}
     * @throws RefusedException `invalid_survey` for an answer outside 0–10.
     */
    public function surveyNps(array $answers): array
    {
        return $this->call('survey.nps', ['answers' => array_values($answers)]);
    }

    /**
     * `survey.proportion`: `$count` of `$total` in percent with its 95% Wilson interval;
     * `percent` and `interval` are `null` when `$total` is 0.
     *
     * ```php
     * $engine->surveyProportion(7, 8);   // ['count' => 7, 'total' => 8, 'percent' => '87.50', 'interval' => ['low' => '52.91', 'high' => '97.76']]
     * ```
     *
     * @return array{count: int, total: int, percent: ?string, interval: array{low: string, high: string}|null}
     * @throws RefusedException `invalid_survey` when `$count` exceeds `$total`.
     */
    public function surveyProportion(int $count, int $total): array
    {
        return $this->call('survey.proportion', ['count' => $count, 'total' => $total]);
    }

    /**
     * `survey.index`: a 0–100 satisfaction index 满意度指数 (ACSI-style): each item's mean
     * rescaled to 0–100, the index Σ weight × score ÷ 100 as one exact fraction.
     *
     * @param list<array{id: string, weight: string}> $items weights summing to 100
     * @param list<list<int|null>> $responses one list per respondent, in item order (`null`: skipped)
     * @param array{min: int, max: int}|null $scale default 1–10
     * @return array{scale: array{min: int, max: int}, respondents: int, items: list<array{id: string, weight: string, answered: int, mean: ?string, score: ?string}>, index: ?string}
     * @throws RefusedException `invalid_survey`: weights not summing to 100, an answer off the scale.
     */
    public function surveyIndex(array $items, array $responses, ?array $scale = null): array
    {
        $args = [];
        if ($scale !== null) {
            $args['scale'] = $scale;
        }
        $args['items'] = array_values($items);
        $args['responses'] = array_map('array_values', array_values($responses));
        return $this->call('survey.index', $args);
    }

    /**
     * `survey.value`: customer value 顾客价值 = (utility + process quality) − (price + access
     * cost) and potential profit 公司潜在利润 = (utility + process quality) − provision cost,
     * per service line, exact (a figure keeps its inputs' places: `"92.5"`), with totals
     * (`null` without lines).
     *
     * @param list<array{line: string, utility: string, process_quality: string, price: string, access_cost: string, provision_cost: string}> $lines
     * @return array{lines: list<array{line: string, gross_value: string, customer_value: string, potential_profit: string, text: list<string>}>, total: array{gross_value: string, customer_value: string, potential_profit: string}|null}
     * @throws RefusedException `invalid_survey` for a negative input.
     */
    public function surveyValue(array $lines): array
    {
        return $this->call('survey.value', ['lines' => array_values($lines)]);
    }

    // ---- satisfaction and KPIs from the service log 回访满意率与服务指标 -------------------------

    /**
     * `survey.callbacks`: 满意率 (callback ratings at or above the threshold ÷ ratings) and
     * callback coverage 回访覆盖率 for the period `[$from, $to)`, overall and per group of
     * `$by`. Rates are `{count, total, percent, interval}` with `percent` and `interval`
     * `null` over nothing.
     *
     * ```php
     * $r = $engine->surveyCallbacks('2026-03-01T00:00:00+08:00', '2026-04-01T00:00:00+08:00', GroupBy::Department);
     * $r['overall']['satisfied']['percent'];   // "75.00"
     * $r['groups'][0]['key'];                  // "cleaning"
     * ```
     *
     * @param int|null $threshold the rating counted as satisfied (1–5); `null`: the engine's
     *        `satisfied_threshold` (it changes the report only, never the requests)
     * @param list<array<string, mixed>>|null $events a log the host keeps (each request's
     *        events from its registration) to read instead of this engine's requests; the
     *        engine is not changed
     * @return array{from: string, to: string, by: string, threshold: int, overall: array<string, mixed>, groups: list<array<string, mixed>>}
     *         each figures `{key?, satisfied, mean_rating, unreachable, coverage: {due, reached, closed_unreachable, pending, rate}}`
     * @throws RefusedException `invalid_survey`: a threshold outside 1–5, a period that ends before it starts.
     * @throws InvalidEventException an event of `$events` that does not apply (its index named).
     */
    public function surveyCallbacks(
        string|DateTimeInterface $from,
        string|DateTimeInterface $to,
        GroupBy|string $by = GroupBy::All,
        ?int $threshold = null,
        ?array $events = null,
    ): array {
        $args = [];
        if ($events !== null) {
            $args['events'] = array_values($events);
        }
        $args += ['from' => self::instant($from), 'to' => self::instant($to), 'by' => $by];
        if ($threshold !== null) {
            $args['threshold'] = $threshold;
        }
        return $this->call('survey.callbacks', $args);
    }

    /**
     * `kpi.report`: service KPIs 服务指标 for the period `[$from, $to)` — request counts,
     * time to accept and to complete (business seconds, nearest-rank median and p90, `null`
     * without durations), on-time rate 及时率 per SLA clock, reopen rate 重开率,
     * first-time-right 一次解决率, callback coverage and complaints per 100 households.
     *
     * @param int|null $households for `per_100_households` (at least 1); `null`: that figure is `null`
     * @param list<array<string, mixed>>|null $events a log to read instead of this engine's requests
     * @return array{from: string, to: string, requests: array{registered: int, closed: int, closed_after_work: int, cancelled: int}, accept: array{count: int, median_seconds: ?int, p90_seconds: ?int}, complete: array{count: int, median_seconds: ?int, p90_seconds: ?int}, on_time: list<array{clock: string, met: int, breached: int, rate: array<string, mixed>}>, reopened: array<string, mixed>, first_time_right: array<string, mixed>, coverage: array<string, mixed>, complaints: array{count: int, households: ?int, per_100_households: ?string}}
     * @throws RefusedException `invalid_survey`: zero households, a period that ends before it starts.
     * @throws InvalidEventException an event of `$events` that does not apply.
     */
    public function kpiReport(
        string|DateTimeInterface $from,
        string|DateTimeInterface $to,
        ?int $households = null,
        ?array $events = null,
    ): array {
        $args = [];
        if ($events !== null) {
            $args['events'] = array_values($events);
        }
        $args += ['from' => self::instant($from), 'to' => self::instant($to)];
        if ($households !== null) {
            $args['households'] = $households;
        }
        return $this->call('kpi.report', $args);
    }

    /**
     * `survey.sample`: reproducible callback sampling 回访抽样 — which requests get a callback
     * visit, from a seed. Give `$rate` (a percentage string with at most 2 decimals: an id is
     * selected when its key falls below it, whatever the other ids) or `$size` (the ids with
     * the smallest keys); and `$ids`, or `$from` and `$to` for this engine's requests closed
     * in that period (not those closed without work 主动结单).
     *
     * ```php
     * $engine->surveySample('2026-03回访', rate: '30', from: '2026-03-02T00:00:00+08:00', to: '2026-03-04T00:00:00+08:00');
     * // ['considered' => 5, 'selected' => ['GD-002', 'GD-003', 'GD-004']]
     * $engine->surveySample('2026-Q3', size: 2, ids: $ids);
     * ```
     *
     * @param list<string>|null $ids
     * @return array{considered: int, selected: list<string>} the selection in id order
     * @throws RefusedException `invalid_survey`: an empty seed, a rate over 100 or with more
     *         than 2 decimals, an id given twice.
     * @throws InvalidRequestException both or neither of rate and size; both or neither of ids and a period.
     */
    public function surveySample(
        string $seed,
        ?string $rate = null,
        ?int $size = null,
        ?array $ids = null,
        string|DateTimeInterface|null $from = null,
        string|DateTimeInterface|null $to = null,
    ): array {
        $args = ['seed' => $seed];
        if ($rate !== null) {
            $args['rate'] = $rate;
        }
        if ($size !== null) {
            $args['size'] = $size;
        }
        if ($ids !== null) {
            $args['ids'] = array_values($ids);
        }
        if ($from !== null) {
            $args['from'] = self::instant($from);
        }
        if ($to !== null) {
            $args['to'] = self::instant($to);
        }
        return $this->call('survey.sample', $args);
    }

    /**
     * The arguments of `survey.servqual` and `survey.servperf` (only those given).
     *
     * @param list<array<string, mixed>> $responses
     * @param list<array<string, mixed>>|null $items
     * @param array<string, string>|null $weights
     * @param array{min: int, max: int}|null $scale
     * @return array<string, mixed>
     */
    private static function surveyArgs(array $responses, ?array $items, ?array $weights, ?array $scale): array
    {
        $args = [];
        if ($scale !== null) {
            $args['scale'] = $scale;
        }
        if ($items !== null) {
            $args['items'] = array_values($items);
        }
        if ($weights !== null) {
            $args['weights'] = $weights;
        }
        $args['responses'] = array_map(static function (array $r): array {
            foreach (['expectation', 'perception'] as $k) {
                if (isset($r[$k]) && is_array($r[$k])) {
                    $r[$k] = array_values($r[$k]);
                }
            }
            return $r;
        }, array_values($responses));
        return $args;
    }

    /**
     * The `fee.bill_estate` result with its columns as they come: on the fast path below
     * `unit` and `item` hold numeric strings (PHP turns them into integer keys on lookup).
     *
     * @param array<string, mixed> $inputs
     * @return array{period: string, lines: array{unit: list<int|string>, item: list<int|string>, amount: list<string>}, total: string}
     */
    private function billEstateColumns(string $period, array $inputs): array
    {
        $args = ['period' => $period] + self::feeInputs($inputs);
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

    /**
     * The inputs of a fee run as contract arguments (only the lists given).
     *
     * @param array<string, mixed> $inputs
     * @return array<string, list<mixed>>
     */
    private static function feeInputs(array $inputs): array
    {
        $args = [];
        foreach ($inputs as $key => $list) {
            if (!in_array($key, ['readings', 'usage', 'parking', 'shared'], true)) {
                throw new InvalidRequestException('unknown_field', "fee inputs: unknown field `$key`, expected `readings`, `usage`, `parking` or `shared`");
            }
            // Readings may be given as columns (fee.bill_estate): an array keyed by column.
            $args[$key] = $key === 'readings' && is_array($list) && isset($list['unit']) ? $list : array_values($list);
        }
        return $args;
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

    private static function instant(string|DateTimeInterface $t): string
    {
        return is_string($t) ? $t : $t->format('Y-m-d\TH:i:sP');
    }

    private static function date(string|DateTimeInterface $d): string
    {
        return is_string($d) ? $d : $d->format('Y-m-d');
    }
}
