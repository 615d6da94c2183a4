package org.xtalkit.index;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class BravaisSettingsTest {

    @Test
    void quartzIsHexagonalWithAllTwelveSolutionsRecommended() {
        Indexer.Result r = IndexRealDataTest.index("quartz_processed/imported.expt", "quartz_processed/strong.refl", IndexParams.defaults());
        List<BravaisSettings.Setting> s = BravaisSettings.run(r.experiments().get(0), r.reflections(), 5, 2);
        IndexRealDataTest.LOG.log(BravaisSettings.table(s));
        IndexRealDataTest.LOG.log(BravaisSettings.chiralSpaceGroups(s));
        assertEquals(12, s.size());
        BravaisSettings.Setting top = s.get(0);
        assertEquals(12, top.number());
        assertEquals("hP", top.bravais());
        // DIALS: hP 4.93 4.93 5.41 90 90 120, metric fit 0.16°, rmsd 0.041 mm, all recommended
        assertEquals(4.93, top.cell().a(), 0.005 * 4.93);
        assertEquals(5.41, top.cell().c(), 0.005 * 5.41);
        assertEquals(120, top.cell().gamma(), 1e-6);
        assertEquals(0.16, top.maxDelta(), 0.1);
        assertTrue(top.rmsd() < 0.06, "hP rmsd " + top.rmsd());
        assertTrue(s.stream().allMatch(BravaisSettings.Setting::recommended));
        assertEquals("aP", s.get(s.size() - 1).bravais());
        assertEquals("a,b,c", s.get(s.size() - 1).cbOp().toString());
    }
}
