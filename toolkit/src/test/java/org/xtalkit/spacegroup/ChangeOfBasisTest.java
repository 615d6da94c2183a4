package org.xtalkit.spacegroup;

import org.junit.jupiter.api.Test;
import org.xtalkit.model.UnitCell;

import static org.junit.jupiter.api.Assertions.*;

/** Expected strings and values are cctbx's (sgtbx.change_of_basis_op) for the same operators. */
class ChangeOfBasisTest {

    @Test
    void dialsNotationsRoundTrip() {
        ChangeOfBasis cb = ChangeOfBasis.parse("b+c,a+c,a+b");
        assertEquals("b+c,a+c,a+b", cb.asAbc());
        assertEquals("k+l,h+l,h+k", cb.asHkl());
        assertEquals("-1/2*x+1/2*y+1/2*z,1/2*x-1/2*y+1/2*z,1/2*x+1/2*y-1/2*z", cb.asXyz());
        assertArrayEquals(new int[] {5, 4, 3}, cb.apply(1, 2, 3));
        assertEquals("-1/2*a+1/2*b+1/2*c,1/2*a-1/2*b+1/2*c,1/2*a+1/2*b-1/2*c", cb.inverse().asAbc());
        assertTrue(cb.times(cb.inverse()).isIdentity());

        ChangeOfBasis r = ChangeOfBasis.parse("-h,k,-l");
        assertEquals("-a,b,-c", r.asAbc());
        assertEquals("-x,y,-z", r.asXyz());
        assertEquals(r, ChangeOfBasis.parse("-a,b,-c"));
        assertEquals("x+1/4,y,z", ChangeOfBasis.parse("x+1/4,y,z").asXyz());
    }

    @Test
    void unitCellAndSpaceGroupFollowTheBasis() {
        UnitCell c = ChangeOfBasis.parse("c,a,b").apply(new UnitCell(10, 20, 30, 90, 100, 90));
        assertEquals(30, c.a(), 1e-9);
        assertEquals(10, c.b(), 1e-9);
        assertEquals(20, c.c(), 1e-9);
        assertEquals(90, c.alpha(), 1e-9);
        assertEquals(90, c.beta(), 1e-9);
        assertEquals(100, c.gamma(), 1e-9);
        assertEquals("P 1 1 2", SpaceGroup.of("P 1 2 1").changeBasis(ChangeOfBasis.parse("c,a,b")).xhm());
        // centred to primitive and back: I 2 3 in the primitive rhombohedral-like cell has 12 operators, no centring
        ChangeOfBasis toPrimitive = ChangeOfBasis.parse("-a/2+b/2+c/2,a/2-b/2+c/2,a/2+b/2-c/2");
        SpaceGroup prim = SpaceGroup.of("I 2 3").changeBasis(toPrimitive);
        assertEquals(12, prim.order());
        assertEquals(1, prim.centring().size());
        assertEquals(SpaceGroup.of("I 2 3"), prim.changeBasis(toPrimitive.inverse()));
    }
}
