package org.wuye;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * One method per operation, named by the one rule of every binding (the manifest's
 * {@code method}): the generated {@link Operation} enum is the contract's table, the generated
 * {@link Operations} has each operation's method with the arguments the schema declares, and
 * {@link Engine} adds only the per-language conveniences listed here.
 */
class OperationMethodsTest {
    /** Public methods Engine declares itself: lifecycle, raw calls and typed overloads. */
    private static final Set<String> CONVENIENCES = Set.of(
            "close()", "isClosed()", "callJson(String)", "callBytes(byte[])",
            "slaStatusBatch(List, OffsetDateTime)",
            "feeBill(String, FeeSchedule, List, BillInputs)", "feeBill(String, BillInputs, List)",
            "feeBillEstate(String, BillInputs)", "feeBillEstate(YearMonth, BillInputs)",
            "feeAccountArrears(Account, LocalDate, int[])",
            "surveyCsat(Scale, int, List)", "surveyIndex(Scale, List, List)",
            "surveyCallbacks(OffsetDateTime, OffsetDateTime, GroupBy, Integer)",
            "surveyCallbacks(List, OffsetDateTime, OffsetDateTime, GroupBy, Integer)",
            "kpiReport(OffsetDateTime, OffsetDateTime, Long)",
            "kpiReport(List, OffsetDateTime, OffsetDateTime, Long)",
            "surveySample(String, BigDecimal, List)", "surveySample(String, long, List)",
            "surveySample(String, BigDecimal, OffsetDateTime, OffsetDateTime)",
            "surveySample(String, long, OffsetDateTime, OffsetDateTime)");

    /** Operations whose arguments are one hand-written class, taken whole. */
    private static final Map<String, Class<?>> WHOLE = Map.of("survey.servqual", Survey.class,
            "survey.servperf", Survey.class);

    private static Map<String, Object> load(String path) throws Exception {
        String text = Files.readString(VectorsTest.repoRoot().resolve(path), StandardCharsets.UTF_8);
        return Json.obj(Json.parse(text), path);
    }

    private static String signature(Method m) {
        List<String> types = new ArrayList<>();
        for (Class<?> t : m.getParameterTypes()) {
            types.add(t.getSimpleName());
        }
        return m.getName() + "(" + String.join(", ", types) + ")";
    }

    @Test
    void theOperationEnumIsTheManifest() throws Exception {
        List<String> expected = new ArrayList<>();
        for (Object o : Json.arr(load("docs/contract.manifest.json").get("operations"), "operations")) {
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

    /**
     * The Java type of an argument member, by the mapping of xtask/src/java.rs: scalars
     * exactly; a definition's type by its form (a class of this package for an object).
     */
    private static boolean fits(Class<?> type, Map<String, Object> member, Map<String, Object> defs,
            boolean optional) {
        Object ref = member.get("$ref");
        if (ref == null && member.get("anyOf") instanceof List<?> any) {
            ref = Json.obj(any.get(0), "anyOf").get("$ref");
        }
        if (ref != null) {
            String name = ((String) ref).substring("#/$defs/".length());
            Map<String, Object> def = Json.obj(defs.get(name), name);
            if (name.equals("Money")) {
                return type == Money.class;
            }
            if (name.equals("Decimal")) {
                return type == BigDecimal.class;
            }
            if ("string".equals(def.get("type"))) {
                return type == String.class;
            }
            return type.getPackageName().equals("org.wuye") || type == List.class;
        }
        Object t = member.get("type");
        String ty = t instanceof List<?> l ? (String) l.get(0) : (String) t;
        String format = member.get("format") instanceof String f ? f : "";
        boolean boxed = optional || t instanceof List<?>;
        return switch (ty) {
            case "string" -> type == (format.equals("date-time") ? OffsetDateTime.class
                    : format.equals("date") ? LocalDate.class : String.class);
            case "integer" -> format.matches("u?int64|uint")
                    ? type == (boxed ? Long.class : long.class)
                    : type == (boxed ? Integer.class : int.class);
            case "boolean" -> type == (boxed ? Boolean.class : boolean.class);
            case "array" -> type == List.class;
            default -> false;
        };
    }

    @Test
    void everyOperationHasItsGeneratedMethod() throws Exception {
        Map<String, Object> defs = Json.obj(load("docs/contract.schema.json").get("$defs"), "$defs");
        for (Object o : Json.arr(load("docs/contract.manifest.json").get("operations"), "operations")) {
            Map<String, Object> op = Json.obj(o, "operation");
            String name = Json.str(op, "name");
            Map<String, Object> args = Json.obj(defs.get(Json.str(op, "args")), "args");
            List<String> keys = new ArrayList<>();
            if (args.get("required") instanceof List<?> required) {
                required.forEach(k -> keys.add((String) k));
            }
            int required = keys.size();
            Map<String, Object> properties = args.get("properties") instanceof Map<?, ?> p
                    ? Json.obj(p, "properties") : Map.of();
            for (String k : new TreeSet<>(properties.keySet())) {
                if (!keys.contains(k)) {
                    keys.add(k);
                }
            }
            List<Method> found = new ArrayList<>();
            for (Method m : Operations.class.getDeclaredMethods()) {
                if (m.getName().equals(Json.str(op, "method"))) {
                    assertTrue(Modifier.isPublic(m.getModifiers()) && Modifier.isFinal(m.getModifiers()),
                            m + " is public and final");
                    found.add(m);
                }
            }
            if (WHOLE.containsKey(name)) {
                assertEquals(1, found.size(), name);
                assertEquals(List.of(WHOLE.get(name)), List.of(found.get(0).getParameterTypes()), name);
                continue;
            }
            // The required arguments, and an overload with the optional ones too.
            Set<Integer> arities = new TreeSet<>(List.of(required, keys.size()));
            assertEquals(arities.size(), found.size(), name + ": " + found);
            for (Method m : found) {
                Class<?>[] types = m.getParameterTypes();
                assertTrue(arities.contains(types.length), m.toString());
                for (int i = 0; i < types.length; i++) {
                    Map<String, Object> member = Json.obj(properties.get(keys.get(i)), keys.get(i));
                    assertTrue(fits(types[i], member, defs, i >= required),
                            name + " " + keys.get(i) + ": " + types[i].getSimpleName());
                }
            }
        }
    }

    @Test
    void engineAddsOnlyTheListedConveniences() {
        Set<String> operations = new TreeSet<>();
        for (Operation op : Operation.values()) {
            operations.add(op.method());
        }
        Set<String> generated = new TreeSet<>();
        for (Method m : Operations.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !m.getName().equals("callBytes")) {
                generated.add(m.getName());
            }
        }
        assertEquals(operations, generated, "the generated methods of Operations");
        Set<String> declared = new TreeSet<>();
        for (Method m : Engine.class.getDeclaredMethods()) {
            int mod = m.getModifiers();
            if (Modifier.isPublic(mod) && !Modifier.isStatic(mod) && !m.isSynthetic()) {
                declared.add(signature(m));
            }
        }
        assertEquals(new TreeSet<>(CONVENIENCES), declared, "public Engine methods");
        for (String c : CONVENIENCES) {
            String method = c.substring(0, c.indexOf('('));
            assertTrue(operations.contains(method) || Set.of("close", "isClosed", "callJson", "callBytes")
                    .contains(method), c + " is an overload of an operation's method");
        }
    }
}
