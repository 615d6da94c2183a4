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
}
