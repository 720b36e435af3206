package org.wuye;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void readsAndWritesTheContractsShapes() {
        String text = "{\"a\":[1,-2,9223372036854775807,18446744073709551616,true,false,null],\"b\":{\"c\":\"x\\\"y\\\\z\\n\\u0001\"},"
                + "\"中\":\"文𠀀\",\"e\":{}, \"f\" : [ ] }";
        Object v = Json.parse(text);
        Map<?, ?> m = (Map<?, ?>) v;
        List<?> a = (List<?>) m.get("a");
        assertEquals(1L, a.get(0));
        assertEquals(-2L, a.get(1));
        assertEquals(Long.MAX_VALUE, a.get(2));
        assertEquals(new BigInteger("18446744073709551616"), a.get(3));
        assertEquals("x\"y\\z\n\u0001", ((Map<?, ?>) m.get("b")).get("c"));
        assertEquals("文𠀀", m.get("中"));
        assertEquals("{\"a\":[1,-2,9223372036854775807,18446744073709551616,true,false,null],"
                + "\"b\":{\"c\":\"x\\\"y\\\\z\\n\\u0001\"},\"中\":\"文𠀀\",\"e\":{},\"f\":[]}", Json.write(v));
        assertEquals("\"é\"", Json.write("é")); // non-ASCII is not escaped
        assertEquals("\"\\u001f\\b\\f\\t\\r\"", Json.write("\u001f\b\f\t\r"));
        assertEquals("\"\\u00e9/\"", Json.write(Json.parse("\"\\u00e9\\/\"")).replace("é", "\\u00e9"));
    }

    @Test
    void bytesWithEscapesAmongMultiByteCharacters() {
        byte[] utf8 = "[\"漏\\\"水\\u0041\\n𠀀\",\"a\\/b\"]".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(List.of("漏\"水A\n𠀀", "a/b"), Json.parse(utf8));
    }

    @Test
    void theStringCacheNeverConfusesTwoStrings() {
        java.util.Random rnd = new java.util.Random(42);
        List<String> words = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            char[] w = new char[1 + rnd.nextInt(8)];
            for (int j = 0; j < w.length; j++) {
                w[j] = (char) ('a' + rnd.nextInt(3)); // few letters: many equal hashes and slots
            }
            words.add(new String(w));
        }
        for (int round = 0; round < 3; round++) {
            assertEquals(words, Json.parse(Json.write(words)));
        }
    }

    @Test
    void refusesMalformedText() {
        for (String bad : new String[] {"", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"\u0001\"", "\"\\x\"", "nul",
            "{} {}", "[1 2]", "-", "{\"a\":1,}"}) {
            assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
        }
    }

    @Test
    void theWriterMatchesSerdeJsonByteForByte() {
        try (Engine e = Engine.standard()) {
            e.requestRegister(Fixtures.repair("J1", Priority.HIGH, "漏水 \"急\" \\ \t\n\u0007"), Actor.agent("kf01"),
                    Fixtures.mar2("09:00"));
            String state = e.engineExport();
            assertEquals(state, Json.write(Json.parse(state)));
            Map<String, Object> ordered = new LinkedHashMap<>();
            ordered.put("z", 1);
            ordered.put("a", Stage.ON_HOLD);
            assertEquals("{\"z\":1,\"a\":\"on_hold\"}", Json.write(ordered));
        }
    }
}
