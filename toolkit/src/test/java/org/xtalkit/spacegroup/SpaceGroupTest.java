package org.xtalkit.spacegroup;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.*;

class SpaceGroupTest {

    /** syminfo.lib's own operator lists, one line per setting in table order. */
    private static List<String> syminfoOps() throws Exception {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                SpaceGroupTest.class.getResourceAsStream("syminfo_ops.txt.gz")), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) if (!line.startsWith("#")) out.add(line);
        }
        return out;
    }

    private static Set<String> normalised(String[] ops, String[] cen) {
        Set<String> s = new TreeSet<>();
        for (String c : cen) for (String o : ops) s.add(SymOp.parseXyz(c).times(SymOp.parseXyz(o)).wrapped().toXyz());
        return s;
    }

    @Test
    void everyTabulatedHallSymbolGeneratesSyminfosOperators() throws Exception {
        List<String> ops = syminfoOps();
        List<SpaceGroupSetting> settings = SpaceGroupTable.SETTINGS;
        assertEquals(540, settings.size());
        assertEquals(settings.size(), ops.size());
        for (int i = 0; i < settings.size(); i++) {
            String[] parts = ops.get(i).split(" ; ");
            Set<String> want = normalised(parts[0].split(" "), parts[1].split(" "));
            SpaceGroup sg = SpaceGroup.fromSetting(settings.get(i));
            Set<String> got = new TreeSet<>();
            for (SymOp o : sg.allOps()) got.add(o.toXyz());
            assertEquals(want, got, settings.get(i).xhm() + " from Hall '" + settings.get(i).hall() + "'");
            assertEquals(SymOp.IDENTITY, sg.symops().get(0));
        }
    }

    @Test
    void all230TypesWithHermannMauguinAndHallBothWays() {
        int chiral = 0, centro = 0;
        for (int n = 1; n <= 230; n++) {
            SpaceGroup ref = SpaceGroup.of(n);
            assertEquals(n, ref.number());
            assertEquals(ref, SpaceGroup.of(ref.xhm()), "HM -> group for " + n);
            assertEquals(ref, SpaceGroup.fromHall(ref.hall()), "Hall -> group for " + n);
            assertEquals(ref.xhm(), SpaceGroup.fromHall(ref.hall()).xhm());
            if (ref.isChiral()) chiral++;
            if (ref.isCentrosymmetric()) centro++;
        }
        assertEquals(65, chiral, "Sohncke groups");
        assertEquals(92, centro, "centrosymmetric groups");
    }

    @Test
    void groupOrdersAndClasses() {
        assertEquals(4, SpaceGroup.of("P 21 21 21").order());
        assertEquals(192, SpaceGroup.of("F m -3 m").order());
        assertEquals(24, SpaceGroup.of("I 2 3").order());
        assertEquals(18, SpaceGroup.of("R 3 2 :H").order());
        assertEquals(6, SpaceGroup.of("R 3 2 :R").order());
        assertEquals("H 3", SpaceGroup.of("R3").setting().ccp4Name());
        assertEquals("P 1 21 1", SpaceGroup.of("P21").xhm());
        assertEquals("P 21", SpaceGroup.of("P 1 21 1").shortName());
        assertEquals(4, SpaceGroup.of(" P 2 2").orderP());
        assertEquals("mmm", SpaceGroup.of("P 2 2 2").laueClass());
        assertEquals("-3m1", SpaceGroup.of("P 31 2 1").laueClass());
        assertEquals("321", SpaceGroup.of("P 31 2 1").pointGroup());
        assertEquals('I', SpaceGroup.of("I 21 3").centringType());
        assertFalse(SpaceGroup.of("P 21/c").isChiral());
        assertTrue(SpaceGroup.of("P 21/c").isCentrosymmetric());
        // the Hall symbols the DIALS files carry
        for (String h : List.of(" P 1", " P 2 2", " P 31 2\"", " P 4 2", " I 2 2 3", " I 2b 2c 3"))
            assertNotNull(SpaceGroup.fromHall(h).setting(), h);
        assertEquals(152, SpaceGroup.fromHall(" P 31 2\"").number());
        assertEquals(199, SpaceGroup.fromHall(" I 2b 2c 3").number());
        // a Hall symbol spelt differently from the table is still recognised by its operators
        assertEquals(19, SpaceGroup.fromHall("P 2ac 2ab").number());
        assertEquals(SpaceGroup.of("P m m m"), SpaceGroup.of("P 2 2 2").pattersonGroup());
        assertEquals(SpaceGroup.of("I m -3"), SpaceGroup.of("I 21 3").pattersonGroup());
        assertEquals(SpaceGroup.of("P -3 m 1"), SpaceGroup.of("P 31 2 1").pattersonGroup());
    }

    @Test
    void systematicAbsencesAsInInternationalTables() {
        SpaceGroup p212121 = SpaceGroup.of("P 21 21 21");
        for (int n = 1; n <= 9; n++) {
            assertEquals(n % 2 == 1, p212121.isSystematicallyAbsent(n, 0, 0));
            assertEquals(n % 2 == 1, p212121.isSystematicallyAbsent(0, n, 0));
            assertEquals(n % 2 == 1, p212121.isSystematicallyAbsent(0, 0, n));
        }
        assertFalse(p212121.isSystematicallyAbsent(1, 1, 1));
        SpaceGroup i23 = SpaceGroup.of("I 2 3");
        assertTrue(i23.isSystematicallyAbsent(1, 0, 0));
        assertFalse(i23.isSystematicallyAbsent(1, 1, 0));
        SpaceGroup p61 = SpaceGroup.of("P 61");
        for (int l = 1; l <= 12; l++) assertEquals(l % 6 != 0, p61.isSystematicallyAbsent(0, 0, l), "00" + l);
        SpaceGroup p21c = SpaceGroup.of("P 1 21/c 1");
        assertTrue(p21c.isSystematicallyAbsent(1, 0, 1));   // h0l: l odd
        assertFalse(p21c.isSystematicallyAbsent(1, 0, 2));
        assertTrue(p21c.isSystematicallyAbsent(0, 3, 0));   // 0k0: k odd
        SpaceGroup fd3m = SpaceGroup.of("F d -3 m :2");
        assertTrue(fd3m.isSystematicallyAbsent(2, 0, 0));  // h00: h = 4n
        assertFalse(fd3m.isSystematicallyAbsent(4, 0, 0));
        assertTrue(fd3m.isSystematicallyAbsent(1, 1, 0));  // F centring: all odd or all even
        SpaceGroup r3h = SpaceGroup.of("R 3 :H");
        assertTrue(r3h.isSystematicallyAbsent(1, 0, 0));   // -h+k+l = 3n
        assertFalse(r3h.isSystematicallyAbsent(1, 0, 1));
    }

    @Test
    void centricAndEpsilon() {
        SpaceGroup p222 = SpaceGroup.of("P 2 2 2");
        assertTrue(p222.isCentric(1, 2, 0));
        assertFalse(p222.isCentric(1, 2, 3));
        assertEquals(2, p222.epsilon(0, 0, 4));
        assertEquals(1, p222.epsilon(1, 2, 3));
        SpaceGroup p4 = SpaceGroup.of("P 4");
        assertEquals(4, p4.epsilon(0, 0, 1));
        assertEquals(12, SpaceGroup.of("P m -3 m").epsilon(0, 0, 0) / 4);
    }

    /** Subgroup counts of point groups (International Tables A, Table 10.1.3.2 lists them). */
    @Test
    void subgroupsOfPointGroupsAndLaueClasses() {
        assertEquals(5, SpaceGroup.of("P 2 2 2").subgroups().size());        // 1, 2x, 2y, 2z, 222
        assertEquals(16, SpaceGroup.of("P m m m").subgroups().size());       // mmm has 16 subgroups
        // Patterson subgroups (containing -1) of P 4/m m m: -1, five 2/m, two mmm, 4/m, 4/mmm
        long centric = SpaceGroup.of("P 4/m m m").subgroups().stream().filter(SpaceGroup::isCentrosymmetric).count();
        assertEquals(10, centric);
        List<SpaceGroup> ofI = SpaceGroup.of("I m -3").subgroups();
        assertTrue(ofI.stream().allMatch(g -> g.centring().size() == 2), "I centring kept");
        assertTrue(ofI.contains(SpaceGroup.of("I m m m")));
        assertEquals(SpaceGroup.of("I m -3"), ofI.get(ofI.size() - 1));
    }
}
