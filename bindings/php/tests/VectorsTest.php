<?php

declare(strict_types=1);

namespace Wuye\Tests;

use FFI;
use PHPUnit\Framework\TestCase;
use Wuye\Engine;
use Wuye\Library;
use Wuye\WuyeException;

/**
 * The shared vectors of tests/vectors/ (format: tests/vectors/README.md) through the PHP
 * binding: each scenario on one engine, requests sent as bytes with {@see Engine::callJson()},
 * every response checked against its `expect` as a JSON value, and the raw responses written
 * one per line to target/vectors/php/<name>.jsonl for scripts/compare-vectors, which compares
 * them byte for byte with the other runtimes'.
 */
final class VectorsTest extends TestCase
{
    /**
     * The flags of the canonical text: UTF-8 and `/` as they are, and U+2028 / U+2029 too
     * (PHP escapes those by default; JSON.stringify and serde_json do not).
     */
    private const CANONICAL_FLAGS = JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES
        | JSON_UNESCAPED_LINE_TERMINATORS | JSON_THROW_ON_ERROR;

    private static function root(): string
    {
        return dirname(__DIR__, 3);
    }

    private static function outDir(): string
    {
        return self::root() . '/target/vectors/php';
    }

    /** Recreates target/vectors/php so that nothing stale remains. */
    public static function setUpBeforeClass(): void
    {
        $dir = self::outDir();
        if (is_dir($dir)) {
            $it = new \RecursiveIteratorIterator(
                new \RecursiveDirectoryIterator($dir, \FilesystemIterator::SKIP_DOTS),
                \RecursiveIteratorIterator::CHILD_FIRST,
            );
            foreach ($it as $f) {
                $f->isDir() && !$f->isLink() ? rmdir($f->getPathname()) : unlink($f->getPathname());
            }
            rmdir($dir);
        }
        if (!mkdir($dir, 0777, true) && !is_dir($dir)) {
            throw new \RuntimeException("cannot create $dir");
        }
    }

    /** @return array<string, array{string}> one data set per tests/vectors/*.json, by name */
    public static function scenarios(): array
    {
        $files = glob(self::root() . '/tests/vectors/*.json');
        if ($files === false || $files === []) {
            throw new \RuntimeException('no vectors in ' . self::root() . '/tests/vectors');
        }
        sort($files, SORT_STRING);
        $sets = [];
        foreach ($files as $file) {
            $sets[basename($file, '.json')] = [$file];
        }
        return $sets;
    }

    /** @dataProvider scenarios */
    public function testScenario(string $file): void
    {
        $scenario = json_decode((string) file_get_contents($file), false, 512, JSON_THROW_ON_ERROR);
        $name = $scenario->name ?? null;
        self::assertSame(basename($file, '.json'), $name, "$file: name must equal the file name");
        $steps = $scenario->steps ?? null;
        self::assertIsArray($steps, "$name: steps is a list");

        $failures = [];
        $lines = [];
        $config = property_exists($scenario, 'config_text')
            ? $scenario->config_text
            : self::canonical($scenario->config ?? null);
        self::assertIsString($config, "$name: config_text is a string");

        $engine = null;
        try {
            $engine = new Engine($config);
        } catch (WuyeException $e) {
            $response = self::engineNewFailure($config, $e);
            self::check($failures, $name, 'config', $response, $scenario->config_error ?? null, property_exists($scenario, 'config_error'));
            $lines[] = $response;
        }
        if ($engine !== null) {
            try {
                if (property_exists($scenario, 'config_error')) {
                    $failures[] = "$name: the engine was made but config_error expects a failure";
                }
                foreach ($steps as $i => $step) {
                    $got = $engine->callJson(self::requestBytes($step, "$name step $i"));
                    self::check($failures, $name, "step $i", $got, $step->expect ?? null, property_exists($step, 'expect'));
                    $lines[] = $got;
                }
            } finally {
                $engine->close();
            }
        }

        $text = implode('', array_map(static fn (string $l): string => $l . "\n", $lines));
        $out = self::outDir() . "/$name.jsonl";
        self::assertNotFalse(file_put_contents($out, $text), "cannot write $out");
        if ($failures !== []) {
            self::fail(count($failures) . " mismatch(es):\n" . implode("\n", $failures));
        }
        $this->addToAssertionCount(count($lines));
    }

    /**
     * The failure response of `wuye_engine_new` for a configuration the binding refused: the
     * binding turns it into `$refused`, so the same call is made again directly through FFI
     * to get its bytes, and `$refused` is checked to carry the response's error.
     */
    private static function engineNewFailure(string $config, WuyeException $refused): string
    {
        $ffi = Library::load();
        $n = strlen($config);
        $bytes = $ffi->new('uint8_t[' . max($n, 1) . ']');
        FFI::memcpy($bytes, $config, $n);
        $handle = $ffi->new('WuyeEngine*');
        $out = $ffi->new('WuyeBuffer');
        $status = $ffi->wuye_engine_new($bytes, $n, FFI::addr($handle), FFI::addr($out));
        try {
            $response = $out->len === 0 ? '' : FFI::string($out->ptr, $out->len);
        } finally {
            $ffi->wuye_buffer_free(FFI::addr($out));
        }
        if ($status === 0) {
            $ffi->wuye_engine_free($handle);
            self::fail("wuye_engine_new accepted a configuration the binding refused ({$refused->getMessage()})");
        }
        $error = json_decode($response, true, 512, JSON_THROW_ON_ERROR)['error'] ?? null;
        self::assertSame(
            ['status' => $status, 'code' => $refused->errorCode, 'message' => $refused->getMessage()],
            $error,
            'the exception of the binding carries the failure response of wuye_engine_new',
        );
        self::assertSame($status, $refused->status->value);
        return $response;
    }

    /** The bytes a step sends: `request_hex` decoded, `request_text` verbatim, or the canonical `request`. */
    private static function requestBytes(object $step, string $what): string
    {
        $given = array_values(array_intersect(['request', 'request_text', 'request_hex'], array_keys(get_object_vars($step))));
        self::assertCount(1, $given, "$what: exactly one of request, request_text, request_hex");
        switch ($given[0]) {
            case 'request_hex':
                $hex = $step->request_hex;
                self::assertTrue(is_string($hex) && strlen($hex) % 2 === 0 && ctype_xdigit($hex), "$what: request_hex is hex digits");
                return hex2bin($hex);
            case 'request_text':
                self::assertIsString($step->request_text, "$what: request_text is a string");
                return $step->request_text;
            default:
                return self::canonical($step->request);
        }
    }

    /**
     * The canonical text of a JSON value decoded without `assoc` (objects are stdClass, so `{}`
     * stays an object): keys in the file's order (a tagged object's tag comes first), compact,
     * strings as JSON.stringify writes them.
     */
    public static function canonical(mixed $value): string
    {
        return json_encode($value, self::CANONICAL_FLAGS);
    }

    /**
     * Deep equality of JSON values decoded without `assoc`: object key order is free, array
     * order is not, `{}` (stdClass) differs from `[]` (array), scalars compare strictly.
     */
    public static function jsonEqual(mixed $a, mixed $b): bool
    {
        if ($a instanceof \stdClass || $b instanceof \stdClass) {
            if (!$a instanceof \stdClass || !$b instanceof \stdClass) {
                return false;
            }
            $pa = get_object_vars($a);
            $pb = get_object_vars($b);
            if (count($pa) !== count($pb)) {
                return false;
            }
            foreach ($pa as $k => $v) {
                if (!array_key_exists($k, $pb) || !self::jsonEqual($v, $pb[$k])) {
                    return false;
                }
            }
            return true;
        }
        if (is_array($a) || is_array($b)) {
            if (!is_array($a) || !is_array($b) || count($a) !== count($b)) {
                return false;
            }
            foreach (array_values($a) as $i => $v) {
                if (!self::jsonEqual($v, array_values($b)[$i])) {
                    return false;
                }
            }
            return true;
        }
        return $a === $b;
    }

    /** @param list<string> $failures */
    private static function check(array &$failures, string $name, string $what, string $got, mixed $want, bool $hasWant): void
    {
        if (!$hasWant) {
            $failures[] = "$name $what: no expect";
            return;
        }
        try {
            $parsed = json_decode($got, false, 512, JSON_THROW_ON_ERROR);
        } catch (\JsonException $e) {
            $failures[] = "$name $what: response is not JSON ({$e->getMessage()}): $got";
            return;
        }
        if (!self::jsonEqual($parsed, $want)) {
            $failures[] = "$name $what:\n  got  $got\n  want " . self::canonical($want);
        }
    }

    public function testJsonEqualTellsObjectsFromArrays(): void
    {
        $d = static fn (string $j): mixed => json_decode($j, false, 512, JSON_THROW_ON_ERROR);
        self::assertTrue(self::jsonEqual($d('{"a":1,"b":{"c":[1,{}]}}'), $d('{"b":{"c":[1,{}]},"a":1}')));
        self::assertFalse(self::jsonEqual($d('{}'), $d('[]')));
        self::assertFalse(self::jsonEqual($d('{"a":{}}'), $d('{"a":[]}')));
        self::assertFalse(self::jsonEqual($d('[1,2]'), $d('[2,1]')));
        self::assertFalse(self::jsonEqual($d('{"a":1}'), $d('{"a":1,"b":null}')));
        self::assertFalse(self::jsonEqual($d('{"a":null}'), $d('{"b":null}')));
        self::assertFalse(self::jsonEqual($d('1'), $d('"1"')));
        self::assertFalse(self::jsonEqual($d('1'), $d('1.0')));
        self::assertFalse(self::jsonEqual($d('0'), $d('false')));
        self::assertTrue(self::jsonEqual($d('{"0":"x","":[]}'), $d('{"":[],"0":"x"}')));
    }

    public function testCanonicalText(): void
    {
        $d = static fn (string $j): mixed => json_decode($j, false, 512, JSON_THROW_ON_ERROR);
        self::assertSame(
            '{"v":1,"x":[{"b":"\"\\\\\n\u001f","a":"报事"},[]],"op":"a/b","args":{}}',
            self::canonical($d('{"v":1,"x":[{"b":"\"\\\\\n\u001f","a":"\u62a5事"},[]],"op":"a/b","args":{}}')),
        );
        self::assertSame(
            "{\"a\":\"\u{2028}\"}",
            self::canonical($d('{"a":"\u2028"}')),
            'U+2028 as raw UTF-8, as JSON.stringify and serde_json write it',
        );
        self::assertSame('{"step":"hold","reason":"x"}', self::canonical($d('{"step":"hold","reason":"x"}')));
    }
}
