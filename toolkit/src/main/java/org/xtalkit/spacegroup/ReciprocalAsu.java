package org.xtalkit.spacegroup;

import java.util.List;

/**
 * The reciprocal-space asymmetric unit of a space group: the ten CCP4 choices (one per Laue class,
 * the same as cctbx's and gemmi's), stated in the reference setting and reached through the
 * setting's change of basis. {@link #toAsu} gives the equivalent index inside it and MTZ's ISYM:
 * 2n−1 when symop n takes h into the ASU (I+), 2n when it takes h to the Friedel mate of an ASU
 * index (I−).
 */
public final class ReciprocalAsu {
    private final int idx;
    private final int[] basis;     // rotation of the setting's basisop, ×DEN; null in the reference setting
    private final int[][] rots;    // symop rotations, integer, row-major

    ReciprocalAsu(SpaceGroup sg) {
        SpaceGroupSetting st = sg.setting();
        if (st == null) throw new org.xtalkit.XtalException("no reciprocal ASU known for " + sg + " (not a tabulated setting)");
        idx = st.asuIndex();
        SymOp b = SymOp.parseXyz(st.basisop());
        basis = b.rotationOnly().equals(SymOp.IDENTITY) ? null : b.rot();
        List<SymOp> ops = sg.symops();
        rots = new int[ops.size()][9];
        for (int n = 0; n < ops.size(); n++)
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++) rots[n][3 * i + j] = ops.get(n).r(i, j);
    }

    /** Which of the ten ASUs (0: -1, 1: 2/m, 2: mmm, 3: 4/m and 6/m, 4: 4/mmm and 6/mmm, 5: -3, 6: -31m, 7: -3m1, 8: m-3, 9: m-3m). */
    public int index() { return idx; }

    /** The condition in the reference setting, as CCP4 writes it. */
    public String condition() { return SpaceGroupTable.ASU_CONDITIONS.get(idx); }

    public boolean isIn(int h, int k, int l) {
        if (basis == null) return inReference(h, k, l);
        // h_ref = h·R (scaled by DEN; the conditions compare with 0 and each other, so scale is harmless)
        return inReference(h * basis[0] + k * basis[3] + l * basis[6],
                h * basis[1] + k * basis[4] + l * basis[7],
                h * basis[2] + k * basis[5] + l * basis[8]);
    }

    private boolean inReference(int h, int k, int l) {
        return switch (idx) {
            case 0 -> l > 0 || (l == 0 && (h > 0 || (h == 0 && k >= 0)));
            case 1 -> k >= 0 && (l > 0 || (l == 0 && h >= 0));
            case 2 -> h >= 0 && k >= 0 && l >= 0;
            case 3 -> l >= 0 && ((h >= 0 && k > 0) || (h == 0 && k == 0));
            case 4 -> h >= k && k >= 0 && l >= 0;
            case 5 -> (h >= 0 && k > 0) || (h == 0 && k == 0 && l >= 0);
            case 6 -> h >= k && k >= 0 && (k > 0 || l >= 0);
            case 7 -> h >= k && k >= 0 && (h > k || l >= 0);
            case 8 -> h >= 0 && ((l >= h && k > h) || (l == h && k == h));
            case 9 -> k >= l && l >= h && h >= 0;
            default -> throw new IllegalStateException("ASU index " + idx);
        };
    }

    /**
     * Maps h to the ASU: writes the ASU index into out[0..2] and returns ISYM (odd: I+, even: I−).
     * No allocation, for loops over reflection tables.
     */
    public int toAsu(int h, int k, int l, int[] out) {
        for (int n = 0; n < rots.length; n++) {
            int[] r = rots[n];
            int a = h * r[0] + k * r[3] + l * r[6], b = h * r[1] + k * r[4] + l * r[7], c = h * r[2] + k * r[5] + l * r[8];
            if (isIn(a, b, c)) { out[0] = a; out[1] = b; out[2] = c; return 2 * n + 1; }
            if (isIn(-a, -b, -c)) { out[0] = -a; out[1] = -b; out[2] = -c; return 2 * n + 2; }
        }
        throw new IllegalStateException("no symmetry mate of (" + h + "," + k + "," + l + ") in the ASU: inconsistent operators");
    }

    /** The ASU index of h (Friedel mates merged). */
    public int[] toAsu(int h, int k, int l) {
        int[] out = new int[3];
        toAsu(h, k, l, out);
        return out;
    }

    /** Inverse of {@link #toAsu}: the original index from the ASU index and ISYM. */
    public int[] fromAsu(int h, int k, int l, int isym) {
        int n = (isym - 1) / 2;
        int s = isym % 2 == 1 ? 1 : -1;
        // h_asu = s·h·R, so h = s·h_asu·R⁻¹
        int[] r = rots[n];
        SymOp inv = SymOp.of(r, new int[3]).inverse();
        int[] o = inv.applyToHkl(h, k, l);
        return new int[] {s * o[0], s * o[1], s * o[2]};
    }
}
