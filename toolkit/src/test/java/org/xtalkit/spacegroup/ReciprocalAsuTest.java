package org.xtalkit.spacegroup;

import org.junit.jupiter.api.Test;
import org.xtalkit.model.UnitCell;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class ReciprocalAsuTest {

    /** Each orbit of symmetry mates (and Friedel mates) has exactly one member in the ASU, in every setting. */
    @Test
    void exactlyOneMemberOfEachOrbitInEveryTabulatedSetting() {
        int[] out = new int[3];
        for (SpaceGroupSetting st : SpaceGroupTable.SETTINGS) {
            SpaceGroup sg = SpaceGroup.fromSetting(st);
            ReciprocalAsu asu = sg.reciprocalAsu();
            int m = 3;
            for (int h = -m; h <= m; h++)
                for (int k = -m; k <= m; k++)
                    for (int l = -m; l <= m; l++) {
                        if (h == 0 && k == 0 && l == 0) continue;
                        int inside = 0;
                        Set<String> seen = new HashSet<>();
                        for (SymOp op : sg.symops())
                            for (int s : new int[] {1, -1}) {
                                int[] r = op.applyToHkl(h, k, l);
                                if (seen.add((s * r[0]) + "," + (s * r[1]) + "," + (s * r[2])) && asu.isIn(s * r[0], s * r[1], s * r[2]))
                                    inside++;
                            }
                        assertEquals(1, inside, st.xhm() + " orbit of " + h + "," + k + "," + l);
                        int isym = asu.toAsu(h, k, l, out);
                        assertTrue(asu.isIn(out[0], out[1], out[2]));
                        assertArrayEquals(new int[] {h, k, l}, asu.fromAsu(out[0], out[1], out[2], isym), st.xhm());
                    }
        }
    }

    /** The ASU indices cctbx's miller.map_to_asu gives for the same indices (cctbx 2021.12). */
    @Test
    void sameAsuIndicesAsCctbx() {
        check("P 31 2 1", "-4,3,6>3,1,6 6,-5,-2>5,1,2 -5,1,6>4,1,-6 1,1,4>1,1,4 0,6,-3>6,0,3");
        check("P 1 1 21", "-5,1,-6>5,-1,6 0,0,3>0,0,3 6,6,-6>6,6,6 5,1,-2>5,1,2 5,6,-3>5,6,3");
        check("R 3 :R", "3,-5,-1>-3,5,1 -6,-6,-6>6,6,6 4,2,-6>-6,4,2 0,4,-3>-4,3,0 0,5,-6>-5,6,0");
        check("P 4 3 2", "2,-3,6>2,6,3 1,1,2>1,2,1 -3,-1,-3>1,3,3 4,-3,6>3,6,4 1,-2,-6>1,6,2");
        check("P 6 2 2", "0,2,4>2,0,4 -5,-4,4>5,4,4 5,-2,-5>3,2,5 5,-1,5>4,1,5 5,2,0>5,2,0");
        check("P -3 1 m", "2,4,-3>4,2,-3 -2,-2,3>2,2,-3 1,2,0>2,1,0 3,-6,1>3,3,1 -3,5,6>3,2,-6");
        check("C 1 2 1", "0,0,4>0,0,4 -4,-1,2>-4,1,2 5,6,4>5,6,4 5,-1,-5>-5,1,5 1,4,2>1,4,2");
        check("I 1 2 1", "-5,6,-4>5,6,4 2,0,-1>-2,0,1 1,5,-6>-1,5,6 1,-6,-2>-1,6,2 5,3,3>5,3,3");
        check("P 2 2 2", "3,0,4>3,0,4 -4,-4,2>4,4,2 -3,-6,6>3,6,6 -3,2,2>3,2,2 -3,0,2>3,0,2");
    }

    private static void check(String sg, String cases) {
        ReciprocalAsu asu = SpaceGroup.of(sg).reciprocalAsu();
        for (String c : cases.split(" ")) {
            String[] io = c.split(">");
            int[] in = parse(io[0]), want = parse(io[1]);
            assertArrayEquals(want, asu.toAsu(in[0], in[1], in[2]), sg + " " + c);
        }
    }

    private static int[] parse(String s) {
        String[] p = s.split(",");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
    }

    /** Unique reflections to d_min, absences excluded, as cctbx's miller.build_set counts them (d_min off lattice points). */
    @Test
    void uniqueCountsOfACompleteSphere() {
        count("P 21 21 21", new UnitCell(50, 60, 70, 90, 90, 90), 3.003, 4507, 8115);
        count("P 31 2 1", new UnitCell(4.9249, 4.9249, 5.4014, 90, 90, 120), 0.56056, 279, 450);
        count("I 2 3", new UnitCell(77.9, 77.9, 77.9, 90, 90, 90), 2.5025, 2828, 5277);
        count("P 1", new UnitCell(10, 12, 14, 80, 95, 100), 1.5015, 1008, 2016);
        count("R 3 :H", new UnitCell(40, 40, 90, 90, 90, 120), 2.002, 3605, 7210);
        count("P 6/m m m", new UnitCell(30, 30, 40, 90, 90, 120), 1.5015, 1950, 1950);
        count("P 4 2 2", new UnitCell(42.21, 42.21, 39.69, 90, 90, 90), 2.002, 2686, 4643);
        count("P 1 2 1", new UnitCell(20, 30, 40, 90, 100, 90), 1.5015, 7591, 14632);
        count("F d -3 m :2", new UnitCell(40, 40, 40, 90, 90, 90), 1.5015, 520, 520);
        count("P 2 2 2", new UnitCell(5.4815, 8.2158, 12.1457, 90, 90, 90), 0.59059, 1646, 2815);
        count("R 3 2 :R", new UnitCell(30, 30, 30, 80, 80, 80), 1.5015, 2912, 5356);
        count("P 1 1 21", new UnitCell(20, 30, 40, 90, 90, 100), 1.5015, 7509, 14609);
    }

    private static void count(String name, UnitCell cell, double dMin, int unique, int uniqueAnomalous) {
        SpaceGroup sg = SpaceGroup.of(name);
        CompleteSet set = CompleteSet.of(sg, cell, dMin, Double.POSITIVE_INFINITY);
        assertEquals(unique, set.size(), name);
        int anom = 0;
        for (int i = 0; i < set.size(); i++) anom += sg.isCentric(set.h(i), set.k(i), set.l(i)) ? 1 : 2;
        assertEquals(uniqueAnomalous, anom, name + " anomalous");
    }
}
