package org.xtalkit.model;

import org.junit.jupiter.api.Test;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CrystalTest {
    private static final double EPS = 1e-9;

    @Test void bMatrixGivesReciprocalLengthsAndDSpacings() {
        UnitCell cell = new UnitCell(42.21, 42.21, 39.69, 90, 90, 90);
        Mat3 b = cell.bMatrix();
        // for an orthogonal cell B is diagonal with 1/a, 1/b, 1/c
        assertEquals(1 / 42.21, b.get(0, 0), EPS);
        assertEquals(1 / 39.69, b.get(2, 2), EPS);
        assertEquals(0, b.get(0, 1), EPS);
        Vec3 s = b.times(new Vec3(1, 2, 3));
        assertEquals(cell.dSpacing(1, 2, 3), 1 / s.length(), 1e-9);
    }

    @Test void monoclinicCellRoundTripsThroughRealSpaceVectors() {
        UnitCell cell = new UnitCell(10, 12, 15, 90, 105.3, 90);
        Mat3 o = cell.orthogonalizationMatrix();
        UnitCell back = UnitCell.fromVectors(o.column(0), o.column(1), o.column(2));
        assertArrayEquals(cell.toArray(), back.toArray(), 1e-9);
        assertEquals(cell.volume(), Math.abs(o.determinant()), 1e-6);
        // reciprocal of reciprocal is the cell
        assertArrayEquals(cell.toArray(), cell.reciprocal().reciprocal().toArray(), 1e-9);
    }

    @Test void aIsUTimesB() {
        UnitCell cell = new UnitCell(67.5, 67.5, 67.5, 109.47, 109.47, 109.47);
        Mat3 u = Mat3.rotation(new Vec3(1, 2, 3), 0.7);
        Crystal c = Crystal.fromA(u.times(cell.bMatrix()), " P 1");
        assertArrayEquals(cell.toArray(), c.unitCell().toArray(), 1e-9);
        assertArrayEquals(u.toArray(), c.U().toArray(), 1e-12);
        // A h is perpendicular to the real-space vectors it does not index: a·(A(0,1,0)) = 0
        assertEquals(0, c.realA().dot(c.A().times(new Vec3(0, 1, 0))), 1e-12);
        assertEquals(1, c.realA().dot(c.A().times(new Vec3(1, 0, 0))), 1e-12);
    }

    @Test void rotationIsRightHanded() {
        Vec3 y = Mat3.rotation(new Vec3(0, 0, 1), Math.PI / 2).times(new Vec3(1, 0, 0));
        assertArrayEquals(new double[] {0, 1, 0}, y.toArray(), 1e-15);
        Goniometer g = Goniometer.singleAxis(new Vec3(1, 0, 0));
        Vec3 z = g.rotationAt(Math.PI / 2).times(new Vec3(0, 1, 0));
        assertArrayEquals(new double[] {0, 0, 1}, z.toArray(), 1e-15);
    }

    @Test void beamS0PointsAwayFromTheSource() {
        Beam b = Beam.simple(0.9795);
        assertArrayEquals(new double[] {0, 0, -1 / 0.9795}, b.s0().toArray(), 1e-15);
    }
}
