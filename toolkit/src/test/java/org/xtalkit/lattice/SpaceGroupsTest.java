package org.xtalkit.lattice;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SpaceGroupsTest {

    @Test
    void symbolsUsersTypeFindTheirGroupAndLattice() {
        assertEquals("cI", SpaceGroups.lookup("I213").bravais());
        assertEquals("I 2b 2c 3", SpaceGroups.lookup("I 21 3").hall().trim());
        assertEquals(152, SpaceGroups.lookup("P3121").number());
        assertEquals("mP", SpaceGroups.lookup("P21").bravais());
        assertEquals("mC", SpaceGroups.lookup("C2").bravais());
        assertEquals("hR", SpaceGroups.lookup("R32").bravais());
        assertEquals("tP", SpaceGroups.lookup("P422").bravais());
        // centrosymmetric groups come from the space-group library
        assertEquals("aP", SpaceGroups.lookup("P-1").bravais());
        assertEquals("oC", SpaceGroups.lookup("Cmcm").bravais());
        assertEquals(12, SpaceGroups.forBravais("tP").size());
    }

    @Test
    void ourChangeOfBasisAgreesWithTheSpaceGroupLibrary() {
        for (String s : new String[] {"b+c,a+c,a+b", "a,-a-b,-c", "c,a,-a+2*b-c", "-a+b,-a-b,c"}) {
            ChangeOfBasis ours = ChangeOfBasis.parse(s);
            var theirs = org.xtalkit.spacegroup.ChangeOfBasis.parse(s);
            assertEquals(theirs.asAbc(), ours.toString(), s);
            var cell = new org.xtalkit.model.UnitCell(50, 60, 70, 80, 85, 95);
            assertArrayEquals(theirs.apply(cell).toArray(), ours.apply(cell).toArray(), 1e-9, s);
            int[] h = {1, 2, 3};
            ours.applyToMiller(h);
            assertArrayEquals(theirs.apply(1, 2, 3), h, s);
        }
    }
}
