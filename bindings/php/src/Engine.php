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
 * $engine->register([
 *     'id' => 'R1', 'kind' => RequestKind::Repair, 'priority' => Priority::Normal,
 *     'channel' => Channel::Phone, 'location' => ['unit' => '3-1-502'],
 *     'reporter' => ['kind' => 'owner', 'name' => '王女士', 'phone' => '13800000000'],
 *     'description' => '厨房水龙头漏水',
 * ], Actor::agent('kf01'), '2026-03-02T09:00:00+08:00');
 * $engine->execute('R1', Command::dispatch('engineering', 'w1'), Actor::dispatcher('dd01'), '2026-03-02T09:05:00+08:00');
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
     * An engine restored from a state saved by {@see Engine::export()} (an array) or
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
        return Contract::decode(Library::call($this->handle, Contract::request($op, $args)));
    }

    /**
     * Sends request bytes as they are and returns the response bytes, for hosts that already
     * hold contract JSON. Never throws for a refused request: the failure is in the response
     * (`"ok":false`); {@see Contract::decode()} turns a response into its result or exception.
     */
    public function callJson(string $requestJson): string
    {
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
    public function info(): array
    {
        return $this->call('engine.info');
    }

    /**
     * `engine.export`: the whole state (configuration, policy, calendar, requests and clocks),
     * to be restored with {@see Engine::fromState()}.
     *
     * @return array<string, mixed>
     */
    public function export(): array
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
    public function isWorkingDay(string|DateTimeInterface $date): bool
    {
        return $this->call('calendar.is_working_day', ['date' => self::date($date)])['working'];
    }

    /** `calendar.working_days`: working days from `$from` to `$to`, both included. */
    public function workingDays(string|DateTimeInterface $from, string|DateTimeInterface $to): int
    {
        return $this->call('calendar.working_days', ['from' => self::date($from), 'to' => self::date($to)])['days'];
    }

    /** `calendar.add`: the instant `$seconds` of business time after `$start`. */
    public function addBusinessTime(string|DateTimeInterface $start, int $seconds): string
    {
        return $this->call('calendar.add', ['start' => self::instant($start), 'seconds' => $seconds])['instant'];
    }

    /** `calendar.between`: business seconds from `$from` to `$to`. */
    public function businessSecondsBetween(string|DateTimeInterface $from, string|DateTimeInterface $to): int
    {
        return $this->call('calendar.between', ['from' => self::instant($from), 'to' => self::instant($to)])['seconds'];
    }

    /** `calendar.next_working_instant`: `$at` itself if within working hours, else the next start. */
    public function nextWorkingInstant(string|DateTimeInterface $at): string
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
    public function register(array $request, Actor|array $actor, string|DateTimeInterface $now): array
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
    public function execute(string $id, Command|array $command, Actor|array $actor, string|DateTimeInterface $now): array
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
    public function executeBatch(array $steps): array
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
    public function get(string $id): array
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
    public function tick(string|DateTimeInterface $now): array
    {
        return $this->call('sla.tick', ['now' => self::instant($now)])['events'];
    }

    /**
     * `log.replay`: applies recorded events (all or nothing).
     *
     * @param list<array<string, mixed>> $events
     * @return array{applied: int, requests: int}
     */
    public function replay(array $events): array
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

    // ---- helpers --------------------------------------------------------------------------

    private static function instant(string|DateTimeInterface $t): string
    {
        return is_string($t) ? $t : $t->format('Y-m-d\TH:i:sP');
    }

    private static function date(string|DateTimeInterface $d): string
    {
        return is_string($d) ? $d : $d->format('Y-m-d');
    }
}
