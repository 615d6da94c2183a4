package org.xtalkit.spacegroup;

import org.junit.jupiter.api.Test;
import org.xtalkit.XtalException;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Crystal;
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
    void abcNotationPrintsAsDialsPrintsIt() {
        for (String s : new String[] {"b+c,a+c,a+b", "a,-a-b,-c", "c,a,-a+2*b-c", "a,b,c", "1/2*a+1/2*b,-1/2*a+1/2*b,c"})
            assertEquals(s, ChangeOfBasis.parse(s).toString());
        assertEquals("a,b,c", ChangeOfBasis.IDENTITY.toString());
        // rows of M (new axes in terms of the old), integer or rational, give the same operator as the text
        assertEquals(ChangeOfBasis.parse("a,-a-b,-c"), ChangeOfBasis.ofRows(new int[] {1, 0, 0, -1, -1, 0, 0, 0, -1}));
        assertEquals(ChangeOfBasis.parse("1/2*a+1/2*b,-1/2*a+1/2*b,c"),
                ChangeOfBasis.fromMatrix(new Mat3(0.5, 0.5, 0, -0.5, 0.5, 0, 0, 0, 1)));
        assertEquals(new Mat3(0, 1, 1, 1, 0, 1, 1, 1, 0), ChangeOfBasis.parse("b+c,a+c,a+b").matrix());
        assertThrows(XtalException.class, () -> ChangeOfBasis.parse("a,b,a+b"));
    }

    @Test
    void composedChangesApplyInOrderToIndicesAndCrystals() {
        ChangeOfBasis first = ChangeOfBasis.parse("b,c,a"), second = ChangeOfBasis.parse("a+b,-a+b,c");
        ChangeOfBasis both = first.then(second);
        assertEquals(both, second.times(first));
        int[] h = {1, 2, 3, 2, 0, 0};
        int[] once = h.clone();
        first.applyToMiller(once);
        second.applyToMiller(once);
        boolean[] ok = both.applyToMiller(h);
        assertArrayEquals(once, h);
        assertTrue(ok[0] && ok[1]);
        // the reverse change of a C-centring basis leaves odd h+k non-integral
        int[] odd = {1, 0, 0};
        assertFalse(second.inverse().applyToMiller(odd)[0]);

        Crystal c = new Crystal(new Vec3(10, 0, 0), new Vec3(0, 20, 0), new Vec3(0, 0, 30), " P 1");
        Crystal d = both.apply(c);
        UnitCell cell = d.unitCell();
        assertEquals(Math.sqrt(1300), cell.a(), 1e-9);
        assertEquals(Math.sqrt(1300), cell.b(), 1e-9);
        assertEquals(10, cell.c(), 1e-9);
        assertEquals(Math.toDegrees(Math.acos(5.0 / 13)), cell.gamma(), 1e-9);
        assertEquals(cell.gamma(), both.apply(c.unitCell()).gamma(), 1e-9);
        // indices follow the axes: the same reciprocal-lattice point before and after
        Vec3 before = c.A().times(new Vec3(1, 2, 3));
        int[] hkl = {1, 2, 3};
        both.applyToMiller(hkl);
        assertTrue(before.minus(d.A().times(new Vec3(hkl[0], hkl[1], hkl[2]))).length() < 1e-12);
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
