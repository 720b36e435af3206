package org.wuye;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * One method per operation, named by the one rule of every binding (the manifest's
 * {@code method}): the generated {@link Operation} enum is the contract's table, and
 * {@link Engine} has exactly its methods (overloads allowed), besides the per-language
 * conveniences listed here.
 */
class OperationMethodsTest {
    /** Public instance methods of Engine that are not one operation each. */
    private static final Set<String> CONVENIENCES = Set.of("close", "isClosed", "callJson", "callBytes");

    @Test
    void theOperationEnumIsTheManifest() throws Exception {
        String text = Files.readString(VectorsTest.repoRoot().resolve("docs/contract.manifest.json"),
                StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>();
        for (Object o : Json.arr(Json.obj(Json.parse(text), "manifest").get("operations"), "operations")) {
            Map<String, Object> op = Json.obj(o, "operation");
            expected.add(Json.str(op, "name") + " " + Json.str(op, "method") + " " + Json.str(op, "group") + " "
                    + Json.bool(op, "mutates"));
        }
        List<String> actual = new ArrayList<>();
        for (Operation op : Operation.values()) {
            actual.add(op.wireName() + " " + op.method() + " " + op.group() + " " + op.mutates());
            assertEquals(op, Operation.fromWire(op.wireName()));
        }
        assertEquals(expected, actual);
    }

    @Test
    void theLibraryAnswersEveryOperation() {
        List<String> names = new ArrayList<>();
        for (Operation op : Operation.values()) {
            names.add(op.wireName());
        }
        try (Engine e = Engine.standard()) {
            assertEquals(names, e.engineInfo().operations());
        }
    }

    @Test
    void engineHasExactlyTheOperationMethods() {
        Set<String> methods = new TreeSet<>();
        for (Operation op : Operation.values()) {
            methods.add(op.method());
        }
        Set<String> found = new TreeSet<>();
        for (Method m : Engine.class.getDeclaredMethods()) {
            int mod = m.getModifiers();
            if (Modifier.isPublic(mod) && !Modifier.isStatic(mod) && !m.isSynthetic()
                    && !CONVENIENCES.contains(m.getName())) {
                found.add(m.getName());
            }
        }
        assertEquals(methods, found, "public Engine methods besides " + CONVENIENCES);
        for (String name : methods) {
            assertTrue(found.contains(name), "Engine." + name);
        }
    }
}
