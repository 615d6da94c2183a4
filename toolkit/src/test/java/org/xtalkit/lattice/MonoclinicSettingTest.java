package org.xtalkit.lattice;

import org.junit.jupiter.api.Test;
import org.xtalkit.model.UnitCell;
import org.xtalkit.spacegroup.ChangeOfBasis;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MonoclinicSettingTest {

    @Test
    void obliqueCentredCellIsGivenInItsLessObliqueISetting() {
        // cctbx's own example (uctbx tst): 31.8764 6.35 22.54 β 135 -> a+c,b,c gives β = 90
        UnitCell c = new UnitCell(31.8764, 6.35, 22.54, 90, 135, 90);
        MonoclinicSetting.Result r = MonoclinicSetting.best(ChangeOfBasis.IDENTITY, c, true);
        UnitCell i = r.cbOp().apply(c);
        assertEquals("mI", r.bravais());
        assertEquals(90, i.beta(), 1e-3);
        assertEquals(6.35, i.b(), 1e-9);
        assertEquals(c.volume(), i.volume(), 1e-6 * c.volume());
        // without best_monoclinic_beta the cell stays C-centred, in its least oblique C setting
        MonoclinicSetting.Result cOnly = MonoclinicSetting.best(ChangeOfBasis.IDENTITY, c, false);
        assertEquals("mC", cOnly.bravais());
        assertTrue(cOnly.cbOp().apply(c).beta() >= 90);
    }

    @Test
    void cellThatIsAlreadyBestStaysC() {
        // cctbx: 6.35 31.8764 16.2514 β 101.266 keeps a,b,c
        UnitCell c = new UnitCell(6.35, 31.8764, 16.2514, 90, 101.266, 90);
        MonoclinicSetting.Result r = MonoclinicSetting.best(ChangeOfBasis.IDENTITY, c, true);
        assertEquals("mC", r.bravais());
        assertArrayEquals(c.toArray(), r.cbOp().apply(c).toArray(), 1e-6);
    }

    @Test
    void bodyCentredCubeGivesDialsMonoclinicISettings() {
        // dials.refine_bravais_settings on cubic insulin lists nine mI rows: three 77.90 cubes with β = 90
        // and six 67.46 110.17 67.46 with β = 109.47 (reference/nexus/dials/logs)
        double p = 77.9 * Math.sqrt(3) / 2;
        UnitCell prim = new UnitCell(p, p, p, 109.4712, 109.4712, 109.4712);
        List<MetricSubgroups.Subgroup> s = MetricSubgroups.find(prim, 5, true);
        int cubes = 0, oblique = 0;
        for (MetricSubgroups.Subgroup g : s) {
            assertNotEquals("mC", g.bravais());
            if (!g.bravais().equals("mI")) continue;
            UnitCell c = g.cell();
            if (Math.abs(c.beta() - 90) < 1e-3 && Math.abs(c.a() - 77.9) < 1e-3 && Math.abs(c.c() - 77.9) < 1e-3) cubes++;
            if (Math.abs(c.beta() - 109.47) < 0.01 && Math.abs(c.b() - 110.17) < 0.01 && Math.abs(c.a() - p) < 1e-3) oblique++;
        }
        assertEquals(3, cubes);
        assertEquals(6, oblique);
        assertEquals(22, s.size());
    }
}
