package org.xtalkit.step.params;

import org.junit.jupiter.api.Test;
import org.xtalkit.XtalException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParamValuesTest {
    static final List<ParamSpec> SPECS = List.of(
            ParamSpec.of("spotfinder.filter.min_spot_size", ParamType.INT, "Auto", "smallest spot in pixels"),
            ParamSpec.of("spotfinder.filter.d_min", ParamType.FLOAT, "None", "high-resolution limit"),
            ParamSpec.of("spotfinder.threshold.dispersion.kernel_size", ParamType.INTS, "3,3", "kernel half-size"),
            ParamSpec.choice("spotfinder.threshold.algorithm", "dispersion_extended", "threshold",
                    "dispersion", "dispersion_extended"),
            ParamSpec.of("output.reflections", ParamType.PATH, "strong.refl", "output file"),
            ParamSpec.of("refinement.d_min", ParamType.FLOAT, "None", "refinement limit"),
            ParamSpec.of("prediction.d_min", ParamType.FLOAT, "None", "prediction limit"),
            ParamSpec.of("spotfinder.filter.ice_rings.d_min", ParamType.FLOAT, "None", "ice ring limit"));

    @Test void defaultsAndShortNames() {
        ParamValues v = ParamValues.parse("find_spots", SPECS, "min_spot_size=4", "kernel_size=5,5");
        assertEquals(4, v.getInt("spotfinder.filter.min_spot_size"));
        assertArrayEquals(new int[] {5, 5}, v.ints("spotfinder.threshold.dispersion.kernel_size"));
        assertEquals("dispersion_extended", v.str("spotfinder.threshold.algorithm"));
        assertNull(v.doubleOrNull("spotfinder.filter.d_min"));
        assertEquals("strong.refl", v.str("output.reflections"));
    }

    @Test void unknownKeySuggestsTheClosest() {
        XtalException e = assertThrows(XtalException.class, () -> ParamValues.parse("find_spots", SPECS, "min_spot_sise=3"));
        assertTrue(e.getMessage().contains("unknown parameter 'min_spot_sise'"), e.getMessage());
        assertTrue(e.getMessage().contains("spotfinder.filter.min_spot_size"), e.getMessage());
    }

    @Test void shortNamesResolveToTheShallowestMatchOrAreAmbiguous() {
        // refinement.d_min and prediction.d_min are equally deep: ambiguous
        XtalException e = assertThrows(XtalException.class, () -> ParamValues.parse("x", SPECS, "d_min=2"));
        assertTrue(e.getMessage().contains("ambiguous"), e.getMessage());
        // filter.d_min matches spotfinder.filter.d_min (depth 3) before spotfinder.filter.ice_rings.d_min (depth 4)
        ParamValues v = ParamValues.parse("x", SPECS, "filter.d_min=2");
        assertEquals(2.0, v.getDouble("spotfinder.filter.d_min"));
        assertNull(v.doubleOrNull("spotfinder.filter.ice_rings.d_min"));
    }

    @Test void badValuesNameTheKeyAndWhatWasExpected() {
        XtalException e = assertThrows(XtalException.class, () -> ParamValues.parse("x", SPECS, "min_spot_size=three"));
        assertTrue(e.getMessage().contains("min_spot_size=three is not an int"), e.getMessage());
        e = assertThrows(XtalException.class, () -> ParamValues.parse("x", SPECS, "algorithm=otsu"));
        assertTrue(e.getMessage().contains("dispersion, dispersion_extended"), e.getMessage());
    }

    @Test void describeListsEveryParameter() {
        String d = ParamValues.describe("find_spots", SPECS);
        for (ParamSpec s : SPECS) assertTrue(d.contains(s.name() + " = " + s.defaultValue()), d);
    }
}
