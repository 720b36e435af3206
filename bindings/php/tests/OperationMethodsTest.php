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
