package org.twinprint.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.twinprint.core.report.Json;
import org.twinprint.core.report.JsonReader;

class JsonReaderTest {

    @Test
    void whatTheWriterWritesReadsBackTheSame() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "skull \"left\"\n\u00e9");
        m.put("spacing", List.of(0.451171875, 1.0));
        m.put("printable", true);
        m.put("missing", null);
        m.put("nested", Map.of("count", 3.0));
        assertEquals(m, JsonReader.parse(Json.write(m)));
    }

    @Test
    void aDicomJsonAnswerKeepsItsOrderAndTypes() {
        Object v = JsonReader.parse("""
                [{"0020000D": {"vr": "UI", "Value": ["1.2.3"]}, "00201208": {"vr": "IS", "Value": [140]},
                  "00100010": {"vr": "PN", "Value": [{"Alphabetic": "Phantom^Head"}]}}]""");
        Map<?, ?> study = (Map<?, ?>) ((List<?>) v).get(0);
        assertEquals(List.of("0020000D", "00201208", "00100010"), List.copyOf(study.keySet()));
        assertEquals(List.of(140.0), ((Map<?, ?>) study.get("00201208")).get("Value"));
        assertEquals(-1.5e-3, JsonReader.parse(" -1.5E-3 "));
        assertEquals(Arrays.asList(null, false, "\u00e9"), JsonReader.parse("[null,false,\"\\u00e9\"]"));
    }

    @Test
    void brokenJsonSaysWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{\"a\": [1, 2}"));
        assertTrue(e.getMessage().startsWith("JSON at offset 11"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{\"a\": 1} x"));
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("\"open"));
    }
}
