package org.xtalkit.scale;

import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.table.ReflectionTable;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Reflection selection and grouping as dials.scale does them, on the quartz integrated data. */
class ScalingDataTest {
    static final Path DIR = SharedData.data("quartz_processed");

    static ScalingData data(boolean anomalous) {
        ExperimentList el = ExptFile.read(DIR.resolve("integrated.expt"));
        ReflectionTable t = ReflReader.read(DIR.resolve("integrated.refl"));
        List<ScalingModel> models = List.of(Scaler.createModel(el.get(0), ScaleParams.defaults()));
        return new ScalingData(el.experiments(), t, models, anomalous, 0.4, -5, 0, false);
    }

    static long distinct(long[] k) { return Arrays.stream(k).distinct().count(); }

    @Test
    void selectionMatchesDials() {
        ScalingData d = data(false);
        // dials.scale: "Combined 33 partial reflections", then 1620 rows of which 1512 suitable
        assertEquals(33, d.combinedPartials);
        assertEquals(1512, d.n, 5);
    }

    @Test
    void anomalousKeepsFriedelMatesApart() {
        ScalingData merged = data(false), apart = data(true);
        assertEquals(merged.n, apart.n);
        // P3121 is acentric except for a few zones: keeping I+ and I- apart nearly doubles the groups
        assertTrue(distinct(apart.key) > 1.5 * distinct(merged.key), distinct(apart.key) + " vs " + distinct(merged.key));
        assertArrayEquals(merged.keyAnomalous, apart.keyAnomalous);
        assertArrayEquals(merged.keyMerged, apart.key.length == 0 ? new long[0] : merged.key);
    }
}
