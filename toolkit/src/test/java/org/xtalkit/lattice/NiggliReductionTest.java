package org.xtalkit.lattice;

import org.junit.jupiter.api.Test;
import org.xtalkit.model.UnitCell;
import org.xtalkit.spacegroup.ChangeOfBasis;

import static org.junit.jupiter.api.Assertions.*;

class NiggliReductionTest {

    @Test
    void reducesASkewedBasisOfTheBodyCentredCubeToItsPrimitiveRhombohedron() {
        double a = 77.9;
        // a deliberately long basis of the I lattice: (a+b+c)/2 + 2b, b + c, c
        UnitCell conv = new UnitCell(a, a, a, 90, 90, 90);
        ChangeOfBasis skew = ChangeOfBasis.parse("1/2*a+5/2*b+1/2*c,b+c,c");
        UnitCell input = skew.apply(conv);
        NiggliReduction.Result r = NiggliReduction.reduce(input);
        double p = a * Math.sqrt(3) / 2;
        assertEquals(p, r.cell().a(), 1e-6);
        assertEquals(p, r.cell().b(), 1e-6);
        assertEquals(p, r.cell().c(), 1e-6);
        assertEquals(109.4712, r.cell().alpha(), 1e-3);
        assertEquals(109.4712, r.cell().gamma(), 1e-3);
        assertEquals(input.volume() / 1, r.cell().volume(), 1e-6 * input.volume());
        // the cb_op applied to the input cell gives the reduced cell
        assertEquals(r.cell().b(), r.cbOp().apply(input).b(), 1e-9);
    }

    @Test
    void reducedCellIsUnchanged() {
        UnitCell c = new UnitCell(37.07, 61.63, 64.40, 72.88, 89.23, 73.44);
        NiggliReduction.Result r = NiggliReduction.reduce(c);
        assertArrayEquals(c.toArray(), r.cell().toArray(), 1e-9);
    }
}
