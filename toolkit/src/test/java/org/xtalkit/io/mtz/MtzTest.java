package org.xtalkit.io.mtz;

import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;
import org.xtalkit.model.UnitCell;
import org.xtalkit.spacegroup.SpaceGroup;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MtzTest {

    @Test
    void readsDialsMergedMtz() {
        Mtz m = MtzReader.read(SharedData.reference("quartz.merged.mtz"));
        assertEquals(298, m.rows());
        assertEquals(19, m.columns().size());
        assertEquals(152, m.spaceGroup().number());
        assertEquals(4.9249, m.cell().a(), 1e-4);
        assertEquals(120, m.cell().gamma(), 1e-4);
        assertEquals('J', m.column("IMEAN").type());
        assertEquals('D', m.column("DANO").type());
        assertEquals(0.02508, m.datasets().get(0).wavelength(), 1e-6);
        assertEquals(6.16055f, m.column("IMEAN").data()[0], 1e-4);
    }

    @Test
    void writeThenReadGivesTheSameFile() {
        UnitCell cell = new UnitCell(5.48, 8.22, 12.15, 90, 90, 90);
        SpaceGroup sg = SpaceGroup.of("P 21 21 21");
        float[] h = {1, 2, 0}, k = {0, 1, 3}, l = {0, 5, 7}, i = {10.5f, Float.NaN, -3f}, b = {1, 2, 2};
        int[] ints = new int[29];
        ints[20] = 1;
        Mtz m = new Mtz("test", cell, sg, List.of(new Mtz.Dataset(1, "P", "C", "D", cell, 0.6889)),
                List.of(new Mtz.Column("H", 'H', 1, h), new Mtz.Column("K", 'H', 1, k), new Mtz.Column("L", 'H', 1, l),
                        new Mtz.Column("BATCH", 'B', 1, b), new Mtz.Column("I", 'J', 1, i)),
                List.of(new Mtz.Batch(1, "batch 1", ints, new float[156], List.of("PHI")), new Mtz.Batch(2, "batch 2", ints, new float[156], List.of("PHI"))),
                List.of());
        Mtz r = MtzReader.read(MtzWriter.toBytes(m), "test");
        assertEquals(3, r.rows());
        assertEquals(sg, r.spaceGroup());
        assertEquals(2, r.batches().size());
        assertEquals(List.of("PHI"), r.batches().get(1).axes());
        assertArrayEquals(i, r.column("I").data());
        assertEquals("D", r.datasets().get(0).dataset());
        assertEquals(0.6889, r.datasets().get(0).wavelength(), 1e-5);
    }
}
