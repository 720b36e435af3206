package org.wuye;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding libwuye and refusing the wrong one, each in a fresh JVM (the library loads once per
 * JVM): the system property, WUYE_LIB, jna.library.path, the copy inside the jar, a clear error
 * naming what was tried, and a library speaking another ABI version.
 */
class LibraryLoadingTest {
    static final String REAL_DIR = new File(Wuye.libraryPath()).getParent();

    @TempDir
    Path tmp;

    /** Runs LoadProbe with the given system properties and environment; returns its output line. */
    static String probe(List<String> props, Map<String, String> env) throws IOException, InterruptedException {
        return probe(props, env, null);
    }

    /** As {@link #probe(List, Map)}, with {@code extraClasspath} (if not null) first on the class path. */
    static String probe(List<String> props, Map<String, String> env, Path extraClasspath)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(props);
        cmd.add("-cp");
        cmd.add((extraClasspath == null ? "" : extraClasspath + File.pathSeparator)
                + System.getProperty("java.class.path"));
        cmd.add(LoadProbe.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("WUYE_LIB");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void theSystemPropertyWinsAndMayNameTheFileOrItsDirectory() throws Exception {
        String dir = probe(List.of("-Dwuye.library.path=" + REAL_DIR), Map.of("WUYE_LIB", "/nonexistent"));
        assertTrue(dir.startsWith("LOADED " + REAL_DIR) && dir.endsWith("working=true"), dir);
        String file = probe(List.of("-Dwuye.library.path=" + Wuye.libraryPath()), Map.of());
        assertTrue(file.startsWith("LOADED"), file);
    }

    @Test
    void thenTheEnvironmentThenJnaLibraryPath() throws Exception {
        String env = probe(List.of(), Map.of("WUYE_LIB", REAL_DIR));
        assertTrue(env.startsWith("LOADED " + REAL_DIR), env);
        String jna = probe(List.of("-Djna.library.path=" + REAL_DIR), Map.of());
        assertTrue(jna.startsWith("LOADED"), jna);
    }

    /**
     * The published jar carries libwuye at JNA's resource path (scripts/package): found with no
     * setting, unpacked by JNA; an explicit setting still wins over it.
     */
    @Test
    void theCopyOnTheClassPathIsFoundWithNoSettingAndLosesToOne() throws Exception {
        Path classes = tmp.resolve("classes");
        Path resource = classes.resolve("linux-x86-64").resolve("libwuye.so");
        Files.createDirectories(resource.getParent());
        // A jar: JNA unpacks the library (a directory on the class path it would load in place).
        Files.copy(Path.of(Wuye.libraryPath()), resource);
        Path jar = tmp.resolve("natives.jar");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jar").toString(),
                "cf", jar.toString(), "-C", classes.toString(), ".").redirectErrorStream(true).start();
        String jarOut = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), jarOut);

        String bundled = probe(List.of(), Map.of(), jar);
        assertTrue(bundled.startsWith("LOADED ") && bundled.endsWith("working=true"), bundled);
        assertTrue(!bundled.startsWith("LOADED " + REAL_DIR), "an unpacked copy, not the build: " + bundled);
        String env = probe(List.of(), Map.of("WUYE_LIB", REAL_DIR), jar);
        assertTrue(env.startsWith("LOADED " + REAL_DIR), env);
        String prop = probe(List.of("-Dwuye.library.path=" + REAL_DIR), Map.of(), jar);
        assertTrue(prop.startsWith("LOADED " + REAL_DIR), prop);
    }

    @Test
    void aFailureNamesWhatWasTried() throws Exception {
        String wrong = probe(List.of("-Dwuye.library.path=" + tmp), Map.of());
        assertTrue(wrong.startsWith("REFUSED") && wrong.contains("system property wuye.library.path")
                && wrong.contains(tmp.resolve("libwuye.so").toString()), wrong);
        String wrongEnv = probe(List.of(), Map.of("WUYE_LIB", tmp.resolve("nope.so").toString()));
        assertTrue(wrongEnv.contains("environment variable WUYE_LIB") && wrongEnv.contains("nope.so"), wrongEnv);
        String nothing = probe(List.of("-Djna.library.path=" + tmp), Map.of());
        assertTrue(nothing.startsWith("REFUSED cannot find libwuye"), nothing);
        assertTrue(nothing.contains("wuye.library.path (not set)") && nothing.contains("WUYE_LIB (not set)")
                && nothing.contains("jna.library.path = " + tmp), nothing);
    }

    @Test
    void aLibraryOfAnotherAbiVersionIsRefused() throws Exception {
        Path src = tmp.resolve("fake.c");
        Files.writeString(src, String.join("\n",
                "#include <stdint.h>",
                "#include <stddef.h>",
                "uint32_t wuye_abi_version(void) { return 2; }",
                "uint32_t wuye_contract_version(void) { return 1; }",
                "const char *wuye_status_name(uint32_t s) { (void)s; return \"x\"; }",
                "int wuye_engine_new(const uint8_t *c, size_t n, void **e, void *err) { return 14; }",
                "void wuye_engine_free(void *e) { }",
                "int wuye_engine_call(const void *e, const uint8_t *r, size_t n, void *o) { return 14; }",
                "int wuye_call_once(const uint8_t *c, size_t cn, const uint8_t *r, size_t rn, void *o) { return 14; }",
                "void wuye_buffer_free(void *b) { }", ""));
        Path lib = tmp.resolve("libwuye.so");
        Process gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-o", lib.toString(), src.toString())
                .redirectErrorStream(true).start();
        String gccOut = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, gcc.waitFor(), "gcc (needed for this test, as for the C tests): " + gccOut);
        String out = probe(List.of("-Dwuye.library.path=" + tmp), Map.of());
        assertTrue(out.startsWith("REFUSED") && out.contains("speaks ABI 2 and contract 1")
                && out.contains("needs ABI 1 and contract 1"), out);
    }
}
