<?php

declare(strict_types=1);

namespace Wuye\Tests;

use Wuye\Engine;
use Wuye\Library;
use Wuye\LibraryException;
use Wuye\Status;

/** Loading libwuye: where from, version checks, clear failures. */
final class LibraryTest extends WuyeTestCase
{
    public function testLoadsOnceAndSpeaksVersionOne(): void
    {
        $ffi = Library::load();
        self::assertSame($ffi, Library::load(), 'FFI::cdef runs once per request (per script in the CLI)');
        self::assertSame(1, Library::abiVersion());
        self::assertSame(1, Library::contractVersion());
        self::assertSame(Library::ABI_VERSION, Library::abiVersion());
        self::assertNotNull(Library::path());
        $env = getenv('WUYE_LIB');
        if ($env !== false && $env !== '') {
            self::assertSame(realpath($env), Library::path(), 'WUYE_LIB decides the library');
        }
        self::assertSame(1, Engine::standard()->engineInfo()['contract_version']);
    }

    public function testStatusNamesMatchTheLibrary(): void
    {
        self::assertCount(15, Status::cases());
        foreach (Status::cases() as $i => $s) {
            self::assertSame($i, $s->value, 'values are 0..14 in order');
            self::assertSame(Library::statusName($s->value), $s->wireName());
        }
        self::assertSame('unknown', Library::statusName(15));
        self::assertSame('unknown', Library::statusName(0xFFFFFFFF));
    }

    public function testTheSamePathMayBeAskedForAgainButNotAnother(): void
    {
        $path = Library::path();
        self::assertNotNull($path);
        self::assertSame(Library::load(), Library::load($path));
        $this->expectException(LibraryException::class);
        $this->expectExceptionMessage('already loaded from');
        Library::load(__FILE__);
    }

    public function testAMissingExplicitPathIsNamed(): void
    {
        $this->expectException(LibraryException::class);
        $this->expectExceptionMessage('libwuye not found at /nonexistent/libwuye.so (the path given to Wuye)');
        Library::locate('/nonexistent/libwuye.so', null);
    }

    public function testAMissingWuyeLibIsNamedAndNotSilentlyReplaced(): void
    {
        $this->expectException(LibraryException::class);
        $this->expectExceptionMessage('libwuye not found at /nowhere/libwuye.so (from the WUYE_LIB environment variable)');
        Library::locate(null, '/nowhere/libwuye.so', Library::defaultPaths());
    }

    public function testTheDefaultSearchNamesEveryPathTried(): void
    {
        try {
            Library::locate(null, null, ['/a/target/release/libwuye.so', '/a/target/debug/libwuye.so']);
            self::fail('expected a LibraryException');
        } catch (LibraryException $e) {
            self::assertStringContainsString('tried /a/target/release/libwuye.so, /a/target/debug/libwuye.so', $e->getMessage());
            self::assertStringContainsString('WUYE_LIB', $e->getMessage());
        }
    }

    public function testTheDefaultSearchIsReleaseThenDebugInTheRepository(): void
    {
        $root = dirname(__DIR__, 3);
        self::assertSame([
            "$root/target/release/libwuye.so",
            "$root/target/debug/libwuye.so",
        ], Library::defaultPaths());
        self::assertFileExists("$root/Cargo.toml", 'the repository root is three levels above src/');
    }

    public function testADirectoryStandsForTheLibraryInIt(): void
    {
        $lib = Library::path();
        self::assertNotNull($lib);
        $dir = dirname($lib);
        self::assertSame("$dir/libwuye.so", Library::locate(null, $dir, []));
        self::assertSame("$dir/libwuye.so", Library::locate("$dir/", null, []));
        $this->expectExceptionMessage('libwuye not found at ' . __DIR__ . '/libwuye.so (from the WUYE_LIB environment variable)');
        Library::locate(null, __DIR__, []);
    }

    public function testTheShippedLibraryIsLookedForNextToSrc(): void
    {
        // scripts/package puts it there in the Composer package; a checkout has none.
        self::assertSame(dirname(__DIR__) . '/lib/linux-x86_64/libwuye.so', Library::bundledPath());
        self::assertFileDoesNotExist(Library::bundledPath());
    }

    public function testAnExplicitPathWinsOverWuyeLib(): void
    {
        self::assertSame(__FILE__, Library::locate(__FILE__, '/nowhere/libwuye.so'));
        self::assertSame(__FILE__, Library::locate(null, __FILE__));
    }

    public function testVersionMismatchesAreRefused(): void
    {
        Library::checkVersions(1, 1, 'libwuye.so');
        foreach ([[2, 1, 'C ABI version 2; this PHP binding needs version 1'], [1, 2, 'contract version 2; this PHP binding speaks version 1']] as [$abi, $contract, $message]) {
            try {
                Library::checkVersions($abi, $contract, '/x/libwuye.so');
                self::fail('expected a LibraryException');
            } catch (LibraryException $e) {
                self::assertStringContainsString('/x/libwuye.so', $e->getMessage());
                self::assertStringContainsString($message, $e->getMessage());
            }
        }
    }

    /** A fresh PHP process with WUYE_LIB set: what a host sees when the path is wrong. */
    public function testAFreshProcessReportsABadWuyeLibClearly(): void
    {
        [$code, $out] = self::php('/nonexistent/libwuye.so');
        self::assertSame(1, $code, $out);
        self::assertStringContainsString('Wuye\LibraryException: libwuye not found at /nonexistent/libwuye.so', $out);

        [$code, $out] = self::php(__FILE__);
        self::assertSame(1, $code, $out);
        self::assertStringContainsString('Wuye\LibraryException: cannot load libwuye from ' . __FILE__, $out);

        $lib = Library::path();
        self::assertNotNull($lib);
        [$code, $out] = self::php($lib);
        self::assertSame(0, $code, $out);
        self::assertSame('{"working":true}', $out);
    }

    /** Engines still alive at exit (global, static, in a cycle, after exit()) are freed cleanly. */
    public function testEnginesAliveAtExitAreFreedCleanly(): void
    {
        $lib = Library::path();
        self::assertNotNull($lib);
        $script = '$GLOBALS["g"] = Wuye\Engine::standard();'
            . 'class Keep { public static $e; public $self; public $engine; }'
            . 'Keep::$e = Wuye\Engine::fromState($GLOBALS["g"]->exportJson());'
            . '$k = new Keep(); $k->self = $k; $k->engine = clone Keep::$e;'
            . 'echo $k->engine->calendarIsWorkingDay("2026-10-10")["working"] ? "ok" : "no"; exit(0);';
        [$code, $out] = self::php($lib, $script);
        self::assertSame([0, 'ok'], [$code, $out]);
    }

    /** @return array{int, string} exit code and output of a PHP script in a fresh process */
    private static function php(string $wuyeLib, ?string $body = null): array
    {
        $body ??= 'echo json_encode(Wuye\Engine::callOnce("calendar.is_working_day", ["date" => "2026-10-10"]));';
        $script = 'require ' . var_export(dirname(__DIR__) . '/autoload.php', true) . ';'
            . 'try { ' . $body . ' }'
            . ' catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(); exit(1); }';
        $env = getenv();
        $env['WUYE_LIB'] = $wuyeLib;
        $proc = proc_open([PHP_BINARY, '-r', $script], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, $env);
        self::assertIsResource($proc);
        $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        return [proc_close($proc), trim($out)];
    }
}
