<?php

declare(strict_types=1);

namespace Wuye\Tests;

use ReflectionClass;
use ReflectionMethod;
use Wuye\Engine;
use Wuye\Operation;

/**
 * One method per operation, named by the one rule of every binding (the manifest's `method`):
 * the generated {@see Operation} enum is the contract's table, and {@see Engine} has exactly
 * its methods, besides the per-language conveniences listed here.
 */
final class OperationMethodsTest extends WuyeTestCase
{
    /** Public methods of Engine that are not one operation each: lifecycle, raw calls, conveniences. */
    private const CONVENIENCES = [
        '__construct', '__destruct', '__clone', 'standard', 'fromState', 'close', 'isClosed',
        'call', 'callJson', 'callOnce', 'callOnceJson', 'exportJson', 'loadedEstate', 'billEstateRows',
        'compactColumns', // @internal: reads fee.bill_estate's response
    ];

    public function testTheOperationEnumIsTheManifest(): void
    {
        $manifest = json_decode(
            (string) file_get_contents(__DIR__ . '/../../../docs/contract.manifest.json'),
            true,
            512,
            JSON_THROW_ON_ERROR,
        );
        $expected = array_map(
            static fn (array $op): array => [$op['name'], $op['method'], $op['group'], $op['mutates']],
            $manifest['operations'],
        );
        $actual = array_map(
            static fn (Operation $op): array => [$op->value, $op->method(), $op->group(), $op->mutates()],
            Operation::cases(),
        );
        self::assertSame($expected, $actual);
    }

    public function testTheLibraryAnswersEveryOperation(): void
    {
        $names = array_map(static fn (Operation $op): string => $op->value, Operation::cases());
        self::assertSame($names, Engine::standard()->engineInfo()['operations']);
    }

    /** @return array<string, mixed> */
    private static function json(string $file): array
    {
        return json_decode((string) file_get_contents(__DIR__ . "/../../../docs/$file"), true, 512, JSON_THROW_ON_ERROR);
    }

    /**
     * The one parameter rule, for the generated methods and the two written by hand alike:
     * the arguments' required members in the schema's order, then the optional ones,
     * defaulting to null; each named in lower camel case.
     */
    public function testEveryOperationMethodTakesTheMembersOfItsArguments(): void
    {
        $defs = self::json('contract.schema.json')['$defs'];
        $camel = static fn (string $m): string => lcfirst(str_replace('_', '', ucwords($m, '_')));
        foreach (self::json('contract.manifest.json')['operations'] as $op) {
            $args = $defs[$op['args']];
            $required = $args['required'] ?? [];
            $optional = array_values(array_diff(array_keys($args['properties'] ?? []), $required));
            $method = new ReflectionMethod(Engine::class, $op['method']);
            $params = $method->getParameters();
            self::assertSame(
                array_map($camel, [...$required, ...$optional]),
                array_map(static fn (\ReflectionParameter $p): string => $p->getName(), $params),
                $op['name'],
            );
            foreach (array_slice($params, count($required)) as $p) {
                self::assertTrue($p->isDefaultValueAvailable() && $p->getDefaultValue() === null, "{$op['name']}: \${$p->getName()} = null");
            }
            self::assertSame('array', (string) $method->getReturnType(), $op['name']);
        }
    }

    /** What every generated method does to its arguments, in one place. */
    public function testTheArgumentsAsTheContractReadsThem(): void
    {
        $at = new \DateTimeImmutable('2026-03-02T09:00:00+08:00');
        $list = array_filter(['a', 'b', 'c'], static fn (string $x): bool => $x !== 'a');
        self::assertSame([
            'now' => '2026-03-02T09:00:00+08:00',
            'as_of' => '2026-03-02',
            'ids' => ['b', 'c'],
            'weights' => ['tangibles' => '10'],
            'steps' => [['id' => 'R1', 'now' => '2026-03-02T09:00:00+08:00']],
            'by' => \Wuye\GroupBy::Kind,
        ], \Wuye\Contract::args([
            'now' => $at,
            'as_of' => $at,
            'left_out' => null,
            'ids' => $list,
            'weights' => ['tangibles' => '10'],
            'steps' => [['id' => 'R1', 'now' => $at]],
            'by' => \Wuye\GroupBy::Kind,
        ], dates: ['as_of']));
    }

    /** Every string enum of the schema is a backed enum of the same name, case for case. */
    public function testEveryStringEnumOfTheSchemaIsAnEnum(): void
    {
        $count = 0;
        foreach (self::json('contract.schema.json')['$defs'] as $name => $def) {
            $values = array_column($def['oneOf'] ?? [], 'const');
            if (str_contains($name, '.') || $values === [] || count($values) !== count($def['oneOf']) || !is_string($values[0])) {
                continue;
            }
            $class = "Wuye\\$name";
            self::assertTrue(enum_exists($class), $class);
            self::assertSame($values, array_map(static fn (\BackedEnum $c): string|int => $c->value, $class::cases()), $class);
            $count++;
        }
        self::assertGreaterThan(20, $count);
    }

    public function testEngineHasExactlyOneMethodPerOperation(): void
    {
        $class = new ReflectionClass(Engine::class);
        foreach (Operation::cases() as $op) {
            self::assertTrue($class->hasMethod($op->method()), "Engine::{$op->method()}() for {$op->value}");
            self::assertTrue($class->getMethod($op->method())->isPublic(), "Engine::{$op->method()}() is public");
        }
        $public = array_map(static fn (ReflectionMethod $m): string => $m->getName(), $class->getMethods(ReflectionMethod::IS_PUBLIC));
        $methods = array_map(static fn (Operation $op): string => $op->method(), Operation::cases());
        $others = array_values(array_diff($public, $methods, self::CONVENIENCES));
        self::assertSame([], $others, 'public Engine methods that are neither an operation nor a listed convenience');
    }
}
