package org.wuye;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The shared vectors of {@code tests/vectors/} (format: {@code tests/vectors/README.md}) through
 * the Java binding: each scenario on one engine, every response checked against its
 * {@code expect} as a JSON value, and the raw response bytes written one per line to
 * {@code target/vectors/java/<name>.jsonl} at the repository root for the byte-for-byte
 * comparison with the other runtimes ({@code scripts/compare-vectors}).
 *
 * <p>Everything is bytes: vector files are read as UTF-8, requests are encoded as UTF-8 (strictly,
 * a lone surrogate is an error rather than a {@code ?}), responses are written as the library
 * returned them — the platform charset (ASCII under {@code LC_ALL=C}) never takes part.
 */
class VectorsTest {
    /** The repository root: {@code -Dwuye.repo.root} (set by the pom), else found upwards. */
    static Path repoRoot() {
        String prop = System.getProperty("wuye.repo.root");
        if (prop != null && !prop.isEmpty()) {
            Path p = Paths.get(prop).toAbsolutePath().normalize();
            assertTrue(Files.isDirectory(p.resolve("tests/vectors")), "wuye.repo.root=" + prop + " has no tests/vectors");
            return p;
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("tests/vectors")) && Files.isRegularFile(p.resolve("Cargo.toml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (tests/vectors) above " + Paths.get("").toAbsolutePath());
    }

    // ---------------------------------------------------------------- the canonical text

    /**
     * The canonical text of a JSON value: object keys in the file's order (a tagged object's tag
     * comes first; {@link Json#parse} keeps the order), no whitespace, integers only,
     * strings escaped as serde_json and {@code JSON.stringify} escape them ({@link Json#quote}:
     * only {@code "}, {@code \} and control characters), non-ASCII left as is.
     */
    static String canonical(Object value) {
        StringBuilder sb = new StringBuilder(128);
        canonical(sb, value);
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void canonical(StringBuilder out, Object value) {
        if (value instanceof Map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                Json.quote(out, e.getKey());
                out.append(':');
                canonical(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof List) {
            out.append('[');
            boolean first = true;
            for (Object o : (List<Object>) value) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                canonical(out, o);
            }
            out.append(']');
        } else if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof BigInteger) {
            Json.write(out, value);
        } else {
            throw new IllegalArgumentException("the canonical text has integers only, not " + value);
        }
    }

    /** UTF-8 bytes of a string; a lone surrogate fails instead of becoming {@code ?}. */
    static byte[] utf8(String s) {
        try {
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(s));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not encodable as UTF-8: " + e, e);
        }
    }

    static byte[] hex(String h) {
        if (h.length() % 2 != 0) {
            throw new IllegalArgumentException("odd hex length: " + h);
        }
        byte[] out = new byte[h.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(h.charAt(2 * i), 16);
            int lo = Character.digit(h.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not hex: " + h);
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    /** The bytes of the configuration: {@code config_text} verbatim, or the canonical {@code config}. */
    static byte[] configBytes(Map<String, Object> scenario) {
        Object text = scenario.get("config_text");
        if (text != null) {
            return utf8((String) text);
        }
        if (!scenario.containsKey("config")) {
            throw new IllegalArgumentException("a scenario has config or config_text");
        }
        return utf8(canonical(scenario.get("config")));
    }

    /** The bytes a step sends: {@code request_hex}, {@code request_text} or the canonical {@code request}. */
    static byte[] requestBytes(Map<String, Object> step) {
        if (step.get("request_hex") != null) {
            return hex((String) step.get("request_hex"));
        }
        if (step.get("request_text") != null) {
            return utf8((String) step.get("request_text"));
        }
        if (!step.containsKey("request")) {
            throw new IllegalArgumentException("a step has request, request_text or request_hex");
        }
        return utf8(canonical(step.get("request")));
    }

    // ---------------------------------------------------------------- running a scenario

    /** The raw failure response an exception carries, as the library wrote it. */
    private static byte[] responseOf(WuyeException x) {
        if (x.response() == null) {
            throw new AssertionError("a failure without a response from the library: " + x, x);
        }
        // The library writes UTF-8 (serde_json), so String and bytes round-trip exactly.
        return utf8(x.response());
    }

    /** Checks a response against its expectation; a readable mismatch goes to {@code failures}. */
    private static void check(String name, String what, byte[] got, Map<String, Object> holder, String key,
            List<String> failures) {
        String gotText = new String(got, StandardCharsets.UTF_8);
        if (!holder.containsKey(key)) {
            failures.add(name + " " + what + ": no " + key + "; got " + gotText);
            return;
        }
        Object want = holder.get(key);
        Object parsed;
        try {
            parsed = Json.parse(got);
        } catch (IllegalArgumentException e) {
            failures.add(name + " " + what + ": response is not JSON (" + e.getMessage() + "): " + gotText);
            return;
        }
        if (!Objects.equals(parsed, want)) {
            failures.add(name + " " + what + ":\n  got  " + gotText + "\n  want " + canonical(want));
        }
    }

    /** What running a scenario gave: the raw responses (each followed by a newline) and mismatches. */
    record Run(String name, int steps, byte[] text, List<String> failures) {}

    static Run run(Map<String, Object> scenario) {
        String name = (String) scenario.get("name");
        List<String> failures = new ArrayList<>();
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        List<Object> steps = scenario.containsKey("steps") ? Json.arr(scenario.get("steps"), "steps") : List.of();
        Engine engine = null;
        try {
            engine = Engine.create(configBytes(scenario));
        } catch (WuyeException x) {
            byte[] got = responseOf(x);
            check(name, "config", got, scenario, "config_error", failures);
            lines.writeBytes(got);
            lines.write('\n');
        }
        if (engine != null) {
            try (Engine e = engine) {
                if (scenario.containsKey("config_error")) {
                    failures.add(name + ": the engine was made but config_error expects a failure");
                }
                for (int i = 0; i < steps.size(); i++) {
                    Map<String, Object> step = Json.obj(steps.get(i), name + " step " + i);
                    byte[] got;
                    try {
                        got = e.callBytes(requestBytes(step));
                    } catch (WuyeException x) {
                        got = responseOf(x);
                    }
                    check(name, "step " + i, got, step, "expect", failures);
                    lines.writeBytes(got);
                    lines.write('\n');
                }
            }
        }
        return new Run(name, steps.size(), lines.toByteArray(), failures);
    }

    // ---------------------------------------------------------------- the tests

    /**
     * One test per scenario, in file-name order; the output directory is recreated first so
     * nothing stale remains.
     */
    @TestFactory
    Stream<DynamicTest> theSharedVectorsHoldInJava() throws IOException {
        Path root = repoRoot();
        Path dir = root.resolve("tests/vectors");
        Path out = root.resolve("target/vectors/java");
        deleteTree(out);
        Files.createDirectories(out);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .collect(Collectors.toList());
        }
        assertTrue(files.size() >= 10, "only " + files.size() + " vector files in " + dir);
        return files.stream().map(file -> {
            String fileName = file.getFileName().toString();
            String base = fileName.substring(0, fileName.length() - ".json".length());
            return DynamicTest.dynamicTest(base, () -> {
                Map<String, Object> scenario = Json.obj(Json.parse(Files.readAllBytes(file)), fileName);
                assertEquals(base, scenario.get("name"), "a scenario's name is its file name");
                Run r = run(scenario);
                Files.write(out.resolve(base + ".jsonl"), r.text());
                if (!r.failures().isEmpty()) {
                    fail(r.failures().size() + " mismatch(es):\n" + String.join("\n", r.failures()));
                }
            });
        });
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(q -> {
                try {
                    Files.delete(q);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** The canonical text is the bytes serde_json and JSON.stringify write, keys in the text's order. */
    @Test
    void canonicalText() {
        Object v = Json.parse(utf8(
                "{\"v\":1, \"op\":\"x\", \"args\":{\"b\":[1,-2,{}], \"a\":\"漏水\\\"\\\\/\\n\\u0001\\u007f\\u2028\", \"c\":null,"
                        + " \"d\":true, \"e\":[]}}"));
        String want = "{\"v\":1,\"op\":\"x\",\"args\":{\"b\":[1,-2,{}],\"a\":\"漏水\\\"\\\\/\\n\\u0001\u007f\u2028\","
                + "\"c\":null,\"d\":true,\"e\":[]}}";
        assertEquals(want, canonical(v));
        assertTrue(Arrays.equals(want.getBytes(StandardCharsets.UTF_8), utf8(canonical(v))));
        assertEquals("{\"n\":123456789012345678901}", canonical(Json.parse("{\"n\":123456789012345678901}")));
        assertThrows(IllegalArgumentException.class, () -> canonical(Json.parse("{\"n\":1.5}")));
        assertThrows(IllegalArgumentException.class, () -> utf8("\ud800"));
        assertTrue(Arrays.equals(new byte[] {(byte) 0xff, 0x00, 0x7b}, hex("ff007B")));
    }
}
