<?php

declare(strict_types=1);

namespace Wuye;

use FFI;
use FFI\CData;

/**
 * The loaded libwuye: one `FFI::cdef` per PHP request, kept in a static.
 *
 * (Statics live as long as the request: under PHP-FPM, Apache's mod_php and every other
 * server SAPI each request loads the library again — about 5 ms for the first request of a
 * worker, when the library is mapped, and about 0.2 ms after; a CLI script loads it once.)
 *
 * Where the library comes from, first match wins:
 *  1. the path given to {@see Library::load()} (or to the {@see Engine} constructor);
 *  2. the library shipped in this package, `lib/linux-x86_64/libwuye.so` next to `src/`
 *     (the Composer package built by `scripts/package`);
 *  3. the `WUYE_LIB` environment variable (a file, or a directory holding `libwuye.so`);
 *  4. in a checkout of the wuye repository (`bindings/php` → `../..`, for development):
 *     `target/release/libwuye.so`, then `target/debug/libwuye.so`;
 *  5. the system's library path (`libwuye.so.0`, as installed from the C SDK).
 *
 * A path that was asked for (1 or 3) but does not exist is an error; there is no fallback
 * to another build. When loading, the ABI and contract versions are checked and a library
 * that speaks another version is refused.
 *
 * @internal Engines use this; hosts normally only call {@see Library::load()} to pick a path.
 */
final class Library
{
    /** The C ABI version this binding is written against. */
    public const ABI_VERSION = 1;

    /** The contract version this binding speaks (`v` of every request). */
    public const CONTRACT_VERSION = 1;

    /** The reusable request buffer grows up to this many bytes; larger requests get their own. */
    private const SCRATCH_MAX = 1 << 20;

    private static ?FFI $ffi = null;
    private static ?string $path = null;

    /**
     * Reusable request bytes (grown on demand, never empty) and response buffer: PHP runs one
     * call at a time per process and libwuye calls nothing back, so one of each suffices.
     */
    private static ?CData $scratch = null;
    private static int $scratchSize = 0;
    private static ?CData $out = null;
    private static ?CData $outAddr = null;

    private function __construct()
    {
    }

    /** The name of the library on the system's library path (its SONAME). */
    public const SYSTEM_LIBRARY = 'libwuye.so.0';

    /**
     * Loads libwuye (once per request) and returns its FFI instance.
     *
     * @param string|null $path Path of libwuye.so (or its directory); null for the search
     *                          described on this class.
     * @throws LibraryException when the library is missing, does not load, was already loaded
     *                          from another path, or speaks another ABI or contract version.
     */
    public static function load(?string $path = null): FFI
    {
        if (self::$ffi !== null) {
            if ($path !== null && realpath(self::file($path)) !== self::$path) {
                throw new LibraryException(sprintf(
                    'libwuye is already loaded from %s in this process; cannot load %s as well',
                    self::$path,
                    $path,
                ));
            }
            return self::$ffi;
        }
        $file = self::find($path, self::env(), self::defaultPaths());
        if (!extension_loaded('ffi')) {
            throw new LibraryException('the PHP FFI extension is not loaded (php-ffi, ffi.enable)');
        }
        $header = file_get_contents(__DIR__ . '/wuye.h');
        if ($header === false) {
            throw new LibraryException('cannot read ' . __DIR__ . '/wuye.h');
        }
        try {
            $ffi = FFI::cdef($header, $file ?? self::SYSTEM_LIBRARY);
        } catch (FFI\Exception $e) {
            if ($file === null) {
                throw new LibraryException(self::notFound(self::defaultPaths()) . ' (' . $e->getMessage() . ')', 0, $e);
            }
            throw new LibraryException("cannot load libwuye from $file: " . $e->getMessage(), 0, $e);
        }
        $file ??= self::SYSTEM_LIBRARY;
        self::checkVersions($ffi->wuye_abi_version(), $ffi->wuye_contract_version(), $file);
        self::$ffi = $ffi;
        self::$path = realpath($file) ?: $file;
        self::$out = $ffi->new('WuyeBuffer');
        self::$outAddr = FFI::addr(self::$out);
        self::$scratch = $ffi->new('uint8_t[4096]');
        self::$scratchSize = 4096;
        return $ffi;
    }

    /** The path libwuye was loaded from, or null before the first load. */
    public static function path(): ?string
    {
        return self::$path;
    }

    /** The loaded library's C ABI version (`wuye_abi_version()`). */
    public static function abiVersion(): int
    {
        return self::load()->wuye_abi_version();
    }

    /** The loaded library's contract version (`wuye_contract_version()`). */
    public static function contractVersion(): int
    {
        return self::load()->wuye_contract_version();
    }

    /** The library's snake_case name of a status value (`"unknown"` for an undefined one). */
    public static function statusName(int $status): string
    {
        $name = self::load()->wuye_status_name($status);
        return $name instanceof CData ? FFI::string($name) : (string) $name;
    }

    /**
     * The file to load: the explicit path, else the library shipped in this package, else
     * `$env` (the value of `WUYE_LIB`), else the first existing default build (`$defaults`,
     * or {@see Library::defaultPaths()}). A path or `$env` may name a directory holding
     * `libwuye.so`.
     *
     * @param list<string>|null $defaults
     * @throws LibraryException naming every path tried when none exists (the system's
     *                          library path, which {@see Library::load()} tries last, is not
     *                          searched here).
     */
    public static function locate(?string $path, ?string $env, ?array $defaults = null): string
    {
        $defaults ??= self::defaultPaths();
        return self::find($path, $env, $defaults) ?? throw new LibraryException(self::notFound($defaults));
    }

    /** The shipped library's path: `lib/linux-x86_64/libwuye.so` of this package. */
    public static function bundledPath(): string
    {
        return dirname(__DIR__) . '/lib/linux-x86_64/libwuye.so';
    }

    /**
     * @return list<string> the builds of the wuye repository this package sits in
     *                      (`bindings/php`), release then debug; none outside a checkout.
     */
    public static function defaultPaths(): array
    {
        $root = dirname(__DIR__, 3);
        if (!is_file($root . '/Cargo.toml')) {
            return [];
        }
        return [
            $root . '/target/release/libwuye.so',
            $root . '/target/debug/libwuye.so',
        ];
    }

    /**
     * As {@see Library::locate()}, but null when only the system's library path is left.
     *
     * @param list<string> $defaults
     */
    private static function find(?string $path, ?string $env, array $defaults): ?string
    {
        if ($path !== null && $path !== '') {
            $file = self::file($path);
            if (is_file($file)) {
                return $file;
            }
            throw new LibraryException("libwuye not found at $file (the path given to Wuye)");
        }
        $bundled = self::bundledPath();
        if (is_file($bundled)) {
            return $bundled;
        }
        if ($env !== null && $env !== '') {
            $file = self::file($env);
            if (is_file($file)) {
                return $file;
            }
            throw new LibraryException("libwuye not found at $file (from the WUYE_LIB environment variable)");
        }
        foreach ($defaults as $candidate) {
            if (is_file($candidate)) {
                return $candidate;
            }
        }
        return null;
    }

    /** A directory stands for the `libwuye.so` in it. */
    private static function file(string $path): string
    {
        return is_dir($path) ? rtrim($path, '/') . '/libwuye.so' : $path;
    }

    /** @param list<string> $defaults */
    private static function notFound(array $defaults): string
    {
        return 'libwuye not found: not shipped in this package (' . self::bundledPath() . '), WUYE_LIB not set'
            . ($defaults === [] ? '' : '; tried ' . implode(', ', $defaults))
            . '; and ' . self::SYSTEM_LIBRARY . ' is not on the system library path.'
            . ' Install the Composer package (it carries the library), set WUYE_LIB to libwuye.so or its'
            . ' directory, or build it with `cargo build -p wuye-ffi` (or --release).';
    }

    /**
     * Refuses a library of another ABI or contract version.
     *
     * @throws LibraryException on a mismatch.
     */
    public static function checkVersions(int $abi, int $contract, string $file): void
    {
        if ($abi !== self::ABI_VERSION) {
            throw new LibraryException(sprintf(
                '%s has C ABI version %d; this PHP binding needs version %d',
                $file,
                $abi,
                self::ABI_VERSION,
            ));
        }
        if ($contract !== self::CONTRACT_VERSION) {
            throw new LibraryException(sprintf(
                '%s speaks contract version %d; this PHP binding speaks version %d',
                $file,
                $contract,
                self::CONTRACT_VERSION,
            ));
        }
    }

    private static function env(): ?string
    {
        $v = getenv('WUYE_LIB');
        return $v === false ? null : $v;
    }

    /**
     * Creates an engine from configuration bytes.
     *
     * @return CData the `WuyeEngine*`
     * @throws WuyeException when the library refuses the configuration.
     */
    public static function newEngine(string $config): CData
    {
        $ffi = self::load();
        $handle = $ffi->new('WuyeEngine*');
        $n = strlen($config);
        $status = $ffi->wuye_engine_new(self::bytes($config, $n), $n, FFI::addr($handle), self::$outAddr);
        if ($status !== 0) {
            throw Contract::failure(self::take(), $status);
        }
        return $handle;
    }

    /** Frees an engine handle (NULL-safe, as in C). */
    public static function freeEngine(CData $handle): void
    {
        self::load()->wuye_engine_free($handle);
    }

    /**
     * Runs one request against an engine (`null` for a closed one) and returns the response
     * bytes, whatever the status.
     */
    public static function call(?CData $engine, string $request): string
    {
        // The hot path of every call, kept flat: copy in, call, copy out, free.
        $ffi = self::$ffi ?? self::load();
        $n = strlen($request);
        if ($n <= self::$scratchSize) {
            FFI::memcpy(self::$scratch, $request, $n);
            $bytes = self::$scratch;
        } else {
            $bytes = self::bytes($request, $n);
        }
        $ffi->wuye_engine_call($engine, $bytes, $n, self::$outAddr);
        $out = self::$out;
        try {
            return $out->len === 0 ? '' : FFI::string($out->ptr, $out->len);
        } finally {
            $ffi->wuye_buffer_free(self::$outAddr);
        }
    }

    /** Runs one request against a fresh engine made from `$config`; returns the response bytes. */
    public static function callOnce(string $config, string $request): string
    {
        $ffi = self::load();
        $nc = strlen($config);
        // Both spans must be live at once: the config gets its own copy.
        $c = $nc === 0 ? null : $ffi->new("uint8_t[$nc]");
        if ($c !== null) {
            FFI::memcpy($c, $config, $nc);
        }
        $n = strlen($request);
        $ffi->wuye_call_once($c, $nc, self::bytes($request, $n), $n, self::$outAddr);
        return self::take();
    }

    /**
     * `$s` as C bytes: in the reusable scratch buffer, grown as needed up to
     * {@see Library::SCRATCH_MAX}; a larger request gets a buffer of its own, freed with it.
     */
    private static function bytes(string $s, int $n): CData
    {
        if ($n > self::$scratchSize) {
            if ($n > self::SCRATCH_MAX) {
                $once = self::$ffi->new("uint8_t[$n]");
                FFI::memcpy($once, $s, $n);
                return $once;
            }
            $size = min(self::SCRATCH_MAX, max($n, 2 * self::$scratchSize));
            self::$scratch = self::$ffi->new("uint8_t[$size]");
            self::$scratchSize = $size;
        }
        FFI::memcpy(self::$scratch, $s, $n);
        return self::$scratch;
    }

    /** Copies the response buffer out and releases it. */
    private static function take(): string
    {
        $out = self::$out;
        try {
            return $out->len === 0 ? '' : FFI::string($out->ptr, $out->len);
        } finally {
            self::$ffi->wuye_buffer_free(self::$outAddr);
        }
    }
}
