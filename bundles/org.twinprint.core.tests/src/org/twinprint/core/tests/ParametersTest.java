package org.twinprint.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.TwinPrintService;

class ParametersTest {

    private final List<ParameterSpec> specs = List.of(
            ParameterSpec.number("radius", "Radius", 1.5, 0, 20, "mm", "Brush radius."),
            ParameterSpec.choice("shape", "Shape", "disc", List.of("disc", "sphere"), "Brush shape."),
            ParameterSpec.flag("largest", "Largest", false, "Keep the largest island."),
            ParameterSpec.path("input", "Input", "Folder to read."));

    @Test
    void defaultsFillWhatIsNotGiven() {
        Parameters p = Parameters.of(specs, Map.of("input", "/data/ct"));
        assertEquals(1.5, p.number("radius"));
        assertEquals("disc", p.string("shape"));
        assertEquals(false, p.flag("largest"));
        assertEquals(List.of("radius", "shape", "largest", "input"), List.copyOf(p.asMap().keySet()));
    }

    /** A service whose 'range' choice implies bounds, as a threshold preset does. */
    private static final TwinPrintService RANGED = new TwinPrintService() {
        @Override
        public String id() {
            return "test.ranged";
        }

        @Override
        public String label() {
            return "Ranged";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.choice("range", "Range", "bone", List.of("bone", "lung", "custom"), ""),
                    ParameterSpec.number("lower", "Lower", 226, -2000, 4000, "HU", ""),
                    ParameterSpec.number("upper", "Upper", 3071, -2000, 4000, "HU", ""));
        }

        @Override
        public Map<String, String> impliedBy(String key, String value) {
            return value.equals("lung") ? Map.of("lower", "-1000", "upper", "-400") : Map.of();
        }
    };

    @Test
    void aChoiceFillsOnlyTheValuesTheUserLeftOutSoWhatIsTypedRuns() {
        Parameters typed = Parameters.of(RANGED, Map.of("range", "lung", "lower", "-900"));
        assertEquals(-900, typed.number("lower"), "the typed bound wins over the choice's");
        assertEquals(-400, typed.number("upper"), "the bound left out comes from the choice");
        Parameters chosen = Parameters.of(RANGED, Map.of("range", "lung"));
        assertEquals(Map.of("range", "lung", "lower", "-1000", "upper", "-400"), chosen.asMap());
        assertEquals(226, Parameters.of(RANGED, Map.of()).number("lower"));
    }

    @Test
    void everyProblemNamesItsParameter() {
        assertMessage("--radius: 25 is outside 0 .. 20 mm", Map.of("input", "x", "radius", "25"));
        assertMessage("--radius: 'wide' is not a number", Map.of("input", "x", "radius", "wide"));
        assertMessage("--shape: 'cube' is not one of disc, sphere", Map.of("input", "x", "shape", "cube"));
        assertMessage("--largest: 'yes' is not true or false", Map.of("input", "x", "largest", "yes"));
        assertMessage("--input is required", Map.of());
        assertMessage("unknown parameter --colour", Map.of("input", "x", "colour", "red"));
    }

    @Test
    void keysMustBeFlagFriendly() {
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.text("Bad Key", "x", "", ""));
    }

    private void assertMessage(String expected, Map<String, String> raw) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parameters.of(specs, raw));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
