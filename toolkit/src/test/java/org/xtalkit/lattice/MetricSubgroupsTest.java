package org.xtalkit.lattice;

import org.junit.jupiter.api.Test;
import org.xtalkit.model.UnitCell;
import org.xtalkit.spacegroup.ChangeOfBasis;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

class MetricSubgroupsTest {

    private static Map<String, Integer> count(List<MetricSubgroups.Subgroup> s) {
        Map<String, Integer> m = new TreeMap<>();
        for (var x : s) m.merge(x.bravais(), 1, Integer::sum);
        return m;
    }

    @Test
    void primitiveCellOfBodyCentredCubeGivesTheTutorialsTwentyTwoSolutions() {
        // the primitive cell of cubic insulin's I lattice (a = 77.9 Å)
        double p = 77.9 * Math.sqrt(3) / 2;
        UnitCell prim = new UnitCell(p, p, p, 109.4712, 109.4712, 109.4712);
        List<MetricSubgroups.Subgroup> s = MetricSubgroups.find(prim, 5);
        assertEquals(Map.of("aP", 1, "cI", 1, "hR", 4, "mC", 9, "oF", 3, "oI", 1, "tI", 3), count(s));
        MetricSubgroups.Subgroup top = s.get(0);
        assertEquals("cI", top.bravais());
        assertEquals(77.9, top.cell().a(), 1e-3);
        assertEquals(90, top.cell().beta(), 1e-3);
        assertEquals(0, top.maxDelta(), 1e-3);
        assertEquals(24, top.order());
        // the conventional cube's cell is reached by the printed cb_op as well
        UnitCell back = ChangeOfBasis.parse(top.cbOp().toString()).apply(prim);
        assertEquals(77.9, back.c(), 1e-3);
    }

    @Test
    void hexagonalCellWithSixtyDegreeGammaIsRecognisedAsHP() {
        UnitCell quartz = new UnitCell(4.913, 4.913, 5.405, 90, 90, 60);
        List<MetricSubgroups.Subgroup> s = MetricSubgroups.find(quartz, 5);
        MetricSubgroups.Subgroup top = s.get(0);
        assertEquals("hP", top.bravais());
        assertEquals(120, top.cell().gamma(), 1e-6);
        assertEquals(4.913, top.cell().a(), 1e-6);
        assertEquals(5.405, top.cell().c(), 1e-6);
        // DIALS lists 12 solutions for quartz: hP, 3 oC, 6 mC, mP, aP
        assertEquals(Map.of("aP", 1, "hP", 1, "mC", 6, "mP", 1, "oC", 3), count(s));
    }

    @Test
    void faceCentredCubeAndRhombohedralCell() {
        double p = 50 / Math.sqrt(2);
        var s = MetricSubgroups.find(new UnitCell(p, p, p, 60, 60, 60), 5);
        assertEquals("cF", s.get(0).bravais());
        assertEquals(50, s.get(0).cell().a(), 1e-6);
        var r = MetricSubgroups.find(new UnitCell(30, 30, 30, 75, 75, 75), 5);
        assertEquals("hR", r.get(0).bravais());
        assertEquals(120, r.get(0).cell().gamma(), 1e-6);
        assertEquals(Map.of("aP", 1, "hR", 1, "mC", 3), count(r));
    }

    @Test
    void triclinicCellHasOnlyAP() {
        var s = MetricSubgroups.find(new UnitCell(37.07, 61.63, 64.40, 72.88, 89.23, 73.44), 0.5);
        assertEquals(1, s.size());
        assertEquals("aP", s.get(0).bravais());
    }
}
