package org.xtalkit.integrate;

import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.model.Experiment;
import org.xtalkit.table.ReflectionTable;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** σ_b and σ_m from DIALS' refined quartz spots, against the profile DIALS' integration estimated from them. */
class ProfileModelEstimatorTest {
    @Test void quartzProfileAsDials() {
        Experiment refined = ExptFile.read(SharedData.data("quartz_processed/refined.expt")).get(0);
        ReflectionTable t = ReflReader.read(SharedData.data("quartz_processed/refined.refl"));
        ProfileModel ours = ProfileModelEstimator.estimate(refined, t, 0);
        ProfileModel dials = ProfileModel.fromJson(ExptFile.read(SharedData.data("quartz_processed/integrated.expt")).get(0).profileJson());
        System.out.printf("quartz sigma_b %.5f° (DIALS %.5f°), sigma_m %.5f° (DIALS %.5f°)%n", Math.toDegrees(ours.sigmaB()),
                Math.toDegrees(dials.sigmaB()), Math.toDegrees(ours.sigmaM()), Math.toDegrees(dials.sigmaM()));
        assertEquals(dials.sigmaB(), ours.sigmaB(), 0.02 * dials.sigmaB());
        assertEquals(dials.sigmaM(), ours.sigmaM(), 0.02 * dials.sigmaM());
    }
}
