<?php

declare(strict_types=1);

namespace Wuye\Tests;

use Wuye\Actor;
use Wuye\CalendarException;
use Wuye\Command;
use Wuye\ConflictException;
use Wuye\Contract;
use Wuye\Engine;
use Wuye\InvalidConfigException;
use Wuye\InvalidEventException;
use Wuye\InvalidHandleException;
use Wuye\InvalidRequestException;
use Wuye\InvalidUtf8Exception;
use Wuye\Library;
use Wuye\MalformedJsonException;
use Wuye\NotFoundException;
use Wuye\NullArgumentException;
use Wuye\PanicException;
use Wuye\RefusedException;
use Wuye\Status;
use Wuye\UnknownOperationException;
use Wuye\UnsupportedVersionException;
use Wuye\WuyeException;

/** Every error kind reachable from PHP arrives as its own exception class and code. */
final class ErrorsTest extends WuyeTestCase
{
    private Engine $e;

    protected function setUp(): void
    {
        $this->e = Engine::standard();
    }

    /** Raw bytes through callJson: the failure is in the response, decode() raises it. */
    private function raw(string $request, int $status, string $code, string $class): void
    {
        $response = $this->e->callJson($request);
        self::assertStringStartsWith(
            sprintf('{"v":1,"ok":false,"error":{"status":%d,"code":"%s","message":"', $status, $code),
            $response,
        );
        self::assertThrowsWuye($class, $code, static fn () => Contract::decode($response));
    }

    public function testMalformedJson(): void
    {
        $this->raw('{"v":1,"op":"engine.info"', 3, 'malformed_json', MalformedJsonException::class);
        $this->raw('', 3, 'malformed_json', MalformedJsonException::class);
        $this->raw('not json', 3, 'malformed_json', MalformedJsonException::class);
    }

    public function testInvalidUtf8Bytes(): void
    {
        $this->raw("\xff\xfe", 2, 'invalid_utf8', InvalidUtf8Exception::class);
        $this->raw("{\"v\":1,\"op\":\"request.get\",\"args\":{\"id\":\"\xe5\xae\"}}", 2, 'invalid_utf8', InvalidUtf8Exception::class);
    }

    public function testInvalidUtf8InPhpStringsIsCaughtBeforeTheCall(): void
    {
        $e = self::assertThrowsWuye(InvalidUtf8Exception::class, 'invalid_utf8', fn () => $this->e->requestGet("R\xff"));
        self::assertInstanceOf(\JsonException::class, $e->getPrevious());
        self::assertThrowsWuye(InvalidRequestException::class, 'unencodable', fn () => $this->e->call('calendar.add', ['start' => NAN]));
    }

    public function testUnsupportedVersion(): void
    {
        $this->raw('{"v":2,"op":"engine.info"}', 4, 'unsupported_version', UnsupportedVersionException::class);
        self::assertThrowsWuye(UnsupportedVersionException::class, 'unsupported_version', static fn () => new Engine(['v' => 2]));
    }

    public function testUnknownOperation(): void
    {
        $e = self::assertThrowsWuye(UnknownOperationException::class, 'unknown_operation', fn () => $this->e->call('engine.explode'));
        self::assertStringContainsString('engine.explode', $e->getMessage());
    }

    public function testUnknownField(): void
    {
        self::assertThrowsWuye(InvalidRequestException::class, 'unknown_field', fn () => $this->e->call('calendar.is_working_day', ['date' => '2026-10-10', 'x' => 1]));
        // A typo inside a command is refused too, not ignored.
        $this->e->requestRegister(self::repair(), Actor::agent('kf01'), self::t('09:00'));
        self::assertThrowsWuye(InvalidRequestException::class, 'unknown_field', fn () => $this->e->requestExecute('R1', ['step' => 'dispatch', 'department' => 'engineering', 'asignee' => 'w1'], Actor::dispatcher('d'), self::t('09:05')));
        $this->raw('{"v":1,"op":"engine.info","args":{},"extra":1}', 6, 'unknown_field', InvalidRequestException::class);
        self::assertThrowsWuye(InvalidRequestException::class, 'unknown_field', fn () => $this->e->call('engine.info', ['verbose' => true]));
    }

    public function testMissingFieldAndWrongType(): void
    {
        self::assertThrowsWuye(InvalidRequestException::class, 'missing_field', fn () => $this->e->call('calendar.is_working_day'));
        self::assertThrowsWuye(InvalidRequestException::class, 'wrong_type', fn () => $this->e->call('calendar.working_days', ['from' => 20261001, 'to' => '2026-10-31']));
        self::assertThrowsWuye(InvalidRequestException::class, 'wrong_type', fn () => $this->e->call('calendar.add', ['start' => '2026-03-02T09:00:00+08:00', 'seconds' => '60']));
        self::assertThrowsWuye(InvalidRequestException::class, 'invalid_value', fn () => $this->e->calendarIsWorkingDay('2026-02-30'));
        self::assertThrowsWuye(InvalidRequestException::class, 'invalid_value', fn () => $this->e->calendarNextWorkingInstant('2026-03-02 09:00'));
    }

    public function testRefusedRoleStageAndTimeOrder(): void
    {
        $this->e->requestRegister(self::repair(), Actor::agent('kf01'), self::t('09:00'));
        $role = self::assertThrowsWuye(RefusedException::class, 'role_not_allowed', fn () => $this->e->requestExecute('R1', Command::dispatch('engineering'), Actor::worker('w1'), self::t('09:05')));
        self::assertSame('request R1: role worker may not dispatch', $role->getMessage());
        self::assertThrowsWuye(RefusedException::class, 'illegal_step', fn () => $this->e->requestExecute('R1', Command::accept(), Actor::worker('w1'), self::t('09:05')));
        self::assertThrowsWuye(RefusedException::class, 'out_of_order', fn () => $this->e->requestExecute('R1', Command::dispatch('engineering'), Actor::dispatcher('dd01'), self::t('08:59')));
        self::assertThrowsWuye(RefusedException::class, 'unknown_department', fn () => $this->e->requestExecute('R1', Command::dispatch('plumbing'), Actor::dispatcher('dd01'), self::t('09:05')));
        $this->e->requestExecute('R1', Command::dispatch('engineering', 'w1'), Actor::dispatcher('dd01'), self::t('09:05'));
        self::assertThrowsWuye(RefusedException::class, 'not_assignee', fn () => $this->e->requestExecute('R1', Command::accept(), Actor::worker('w2'), self::t('09:10')));
        self::assertThrowsWuye(RefusedException::class, 'invalid_field', fn () => $this->e->requestExecute('R1', Command::cancel('  '), Actor::agent('kf01'), self::t('09:10')));
        self::assertThrowsWuye(RefusedException::class, 'as_of_before_last_event', fn () => $this->e->slaStatus('R1', self::t('09:00')));
        // Nothing changed: the request is still dispatched at 09:05.
        self::assertSame('dispatched', $this->e->requestGet('R1')['request']['stage']['stage']);
        self::assertSame(self::t('09:05'), $this->e->requestGet('R1')['request']['last_event_at']);
    }

    public function testNotFound(): void
    {
        self::assertThrowsWuye(NotFoundException::class, 'unknown_request', fn () => $this->e->requestGet('nope'));
        self::assertThrowsWuye(NotFoundException::class, 'unknown_request', fn () => $this->e->requestExecute('nope', Command::accept(), Actor::worker('w'), self::t('09:00')));
        self::assertThrowsWuye(NotFoundException::class, 'unknown_request', fn () => $this->e->slaStatus('nope', self::t('09:00')));
    }

    public function testConflict(): void
    {
        $this->e->requestRegister(self::repair(), Actor::agent('kf01'), self::t('09:00'));
        self::assertThrowsWuye(ConflictException::class, 'duplicate_request', fn () => $this->e->requestRegister(self::repair(), Actor::agent('kf01'), self::t('09:01')));
    }

    public function testCalendarYear2027AndBadDurations(): void
    {
        $e = self::assertThrowsWuye(CalendarException::class, 'year_not_covered', fn () => $this->e->calendarIsWorkingDay('2027-01-04'));
        self::assertStringContainsString('2027', $e->getMessage());
        self::assertThrowsWuye(CalendarException::class, 'year_not_covered', fn () => $this->e->calendarWorkingDays('2026-12-01', '2027-01-31'));
        self::assertThrowsWuye(CalendarException::class, 'invalid_duration', fn () => $this->e->calendarAdd(self::t('09:00'), 0));
        self::assertThrowsWuye(CalendarException::class, 'reversed_range', fn () => $this->e->calendarWorkingDays('2026-10-31', '2026-10-01'));
    }

    public function testInvalidConfig(): void
    {
        self::assertThrowsWuye(InvalidConfigException::class, 'invalid_config', static fn () => new Engine(['config' => ['satisfied_threshold' => 9]]));
        self::assertThrowsWuye(InvalidConfigException::class, 'invalid_config', static fn () => new Engine(['config' => ['departments' => [['code' => 'a', 'name' => 'A'], ['code' => 'a', 'name' => 'B']]]]));
        self::assertThrowsWuye(InvalidConfigException::class, 'invalid_calendar', static fn () => new Engine(['calendar' => [
            'week' => ['mon' => ['25:00-26:00'], 'tue' => [], 'wed' => [], 'thu' => [], 'fri' => [], 'sat' => [], 'sun' => []],
            'years' => [],
        ]]));
        self::assertThrowsWuye(InvalidConfigException::class, 'invalid_config', static fn () => new Engine('{"v":1,"config":{},"state":' . Engine::standard()->exportJson() . '}'));
        self::assertThrowsWuye(MalformedJsonException::class, 'malformed_json', static fn () => new Engine('{"v":1'));
        self::assertThrowsWuye(InvalidRequestException::class, 'unknown_field', static fn () => new Engine(['departments' => []]));
    }

    public function testInvalidEvent(): void
    {
        $event = ['schema' => 9, 'request' => 'R', 'at' => self::t('09:00'), 'actor' => ['role' => 'agent', 'id' => 'a'], 'change' => ['type' => 'arrived']];
        self::assertThrowsWuye(InvalidEventException::class, 'unsupported_schema', fn () => $this->e->logReplay([$event]));
        $event['schema'] = 1;
        self::assertThrowsWuye(InvalidEventException::class, 'bad_events', fn () => $this->e->slaStatusFromEvents([$event], self::t('10:00')));
        // Replay is all or nothing: a good event followed by a bad one leaves no trace.
        $registered = (new Engine())->requestRegister(self::repair('R'), Actor::agent('kf01'), self::t('09:00'))['events'][0];
        // In a log, an event of a request the log never registered is an entry that does not apply.
        $e = self::assertThrowsWuye(InvalidEventException::class, 'unknown_request', fn () => $this->e->logReplay([$registered, ['request' => 'X'] + $event]));
        self::assertStringStartsWith('event 1: ', $e->getMessage());
        self::assertSame(0, $this->e->engineInfo()['requests']);
        // An event that does not fit the request's stage: arrived on a registered request.
        $e = self::assertThrowsWuye(InvalidEventException::class, 'event_mismatch', fn () => $this->e->logReplay([$registered, $event]));
        self::assertStringStartsWith('event 1: ', $e->getMessage());
        self::assertSame(0, $this->e->engineInfo()['requests']);
    }

    public function testInvalidHandleAfterClose(): void
    {
        $this->e->close();
        self::assertTrue($this->e->isClosed());
        $this->e->close(); // idempotent
        self::assertThrowsWuye(InvalidHandleException::class, 'invalid_handle', fn () => $this->e->engineInfo());
        self::assertThrowsWuye(InvalidHandleException::class, 'invalid_handle', fn () => $this->e->calendarIsWorkingDay('2026-10-10'));
        self::assertStringStartsWith('{"v":1,"ok":false,"error":{"status":13,"code":"invalid_handle"', $this->e->callJson('{"v":1,"op":"engine.info"}'));
        $clone = clone $this->e;
        self::assertTrue($clone->isClosed());
    }

    public function testNullArgumentThroughRawFfi(): void
    {
        // The binding never passes NULL with a length; raw FFI use can, and is refused.
        $ffi = Library::load();
        $out = $ffi->new('WuyeBuffer');
        $status = $ffi->wuye_call_once(null, 5, null, 0, \FFI::addr($out));
        $response = \FFI::string($out->ptr, $out->len);
        $ffi->wuye_buffer_free(\FFI::addr($out));
        self::assertSame(Status::NullArgument->value, $status);
        self::assertThrowsWuye(NullArgumentException::class, 'null_argument', static fn () => Contract::decode($response));
    }

    public function testEveryStatusHasItsOwnExceptionClass(): void
    {
        $classes = [];
        foreach (Status::cases() as $status) {
            if ($status === Status::Ok) {
                continue;
            }
            $e = WuyeException::fromError(['status' => $status->value, 'code' => 'c', 'message' => 'm']);
            self::assertSame($status, $e->status);
            self::assertSame($status, $e::STATUS);
            self::assertSame($status->value, $e->getCode());
            self::assertSame('c', $e->getErrorCode());
            self::assertSame('m', $e->getMessage());
            self::assertSame($status->name . 'Exception', (new \ReflectionClass($e))->getShortName());
            $classes[] = $e::class;
        }
        self::assertCount(14, array_unique($classes));
        $unknown = WuyeException::fromError(['status' => 99, 'code' => 'x', 'message' => 'y']);
        self::assertInstanceOf(PanicException::class, $unknown);
        self::assertStringContainsString('99', $unknown->getMessage());
    }

    public function testEveryFailureResponseCarriesTheReturnedStatus(): void
    {
        // The C return value and the JSON status agree for a sample of each kind.
        $ffi = Library::load();
        $cases = [
            "\xff" => 2, '{' => 3, '{"v":7,"op":"engine.info"}' => 4, '{"v":1,"op":"nope"}' => 5,
            '{"v":1,"op":"request.get","args":{}}' => 6, '{"v":1,"op":"request.get","args":{"id":"x"}}' => 8,
            '{"v":1,"op":"calendar.is_working_day","args":{"date":"2030-01-01"}}' => 10,
        ];
        foreach ($cases as $request => $expected) {
            $out = $ffi->new('WuyeBuffer');
            $n = strlen($request);
            $buf = $ffi->new("uint8_t[$n]");
            \FFI::memcpy($buf, $request, $n);
            $status = $ffi->wuye_call_once(null, 0, $buf, $n, \FFI::addr($out));
            $response = \FFI::string($out->ptr, $out->len);
            $ffi->wuye_buffer_free(\FFI::addr($out));
            // An empty config is malformed; the config is checked first.
            self::assertSame(3, $status, $response);
            $r = json_decode(Engine::callOnceJson('{"v":1}', $request), true);
            self::assertSame($expected, $r['error']['status'], $request);
        }
    }
}
