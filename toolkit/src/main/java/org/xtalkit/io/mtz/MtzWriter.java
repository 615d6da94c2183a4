package org.xtalkit.io.mtz;

import org.xtalkit.io.AtomicWrite;
import org.xtalkit.model.UnitCell;
import org.xtalkit.spacegroup.SpaceGroup;
import org.xtalkit.spacegroup.SymOp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes an MTZ file top to bottom in file order (gemmi's Mtz::write_to_stream is the model):
 * the 80-byte file header (stamp, header offset, machine stamp), the float32 data rows, then the
 * 80-character header records, then the batch headers. Little-endian.
 */
public final class MtzWriter {
    private MtzWriter() {}

    public static void write(Mtz mtz, Path file) { AtomicWrite.write(file, out -> write(mtz, out)); }

    public static byte[] toBytes(Mtz mtz) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try { write(mtz, b); } catch (IOException e) { throw new IllegalStateException(e); }
        return b.toByteArray();
    }

    public static void write(Mtz mtz, OutputStream out) throws IOException {
        int ncol = mtz.columns().size(), nrow = mtz.rows();
        // file header: "MTZ ", header start in 4-byte words (1-based), machine stamp (IEEE little-endian: 0x4144)
        ByteBuffer head = ByteBuffer.allocate(80).order(ByteOrder.LITTLE_ENDIAN);
        head.put("MTZ ".getBytes(StandardCharsets.US_ASCII));
        head.putInt((int) ((long) ncol * nrow + 21));
        head.putInt(0x00004144);
        out.write(head.array());
        // data: row by row
        ByteBuffer row = ByteBuffer.allocate(4 * ncol * Math.max(1, Math.min(nrow, 4096))).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < nrow; r++) {
            for (Mtz.Column c : mtz.columns()) row.putFloat(c.data()[r]);
            if (!row.hasRemaining()) { out.write(row.array(), 0, row.position()); row.clear(); }
        }
        out.write(row.array(), 0, row.position());

        Records rec = new Records(out);
        rec.add("VERS MTZ:V1.1");
        rec.add("TITLE %s", mtz.title());
        rec.add("NCOL %8d %12d %8d", ncol, nrow, mtz.batches().size());
        UnitCell c = mtz.cell();
        rec.add("CELL  %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f", c.a(), c.b(), c.c(), c.alpha(), c.beta(), c.gamma());
        rec.add("SORT  %3d %3d %3d %3d %3d", 0, 0, 0, 0, 0);
        SpaceGroup sg = mtz.spaceGroup();
        String hm = sg.xhm().replaceAll("\\s*:.*$", "");
        char lattice = sg.xhm().endsWith(":H") ? 'H' : sg.centringType();
        rec.add("SYMINF %3d %2d %c %5d %" + Math.max(1, 20 - hm.length()) + "s'%s' PG%s", sg.order(), sg.symops().size(), lattice,
                sg.setting().ccp4(), "", hm, sg.pointGroup());
        for (SymOp centre : sg.centring())
            for (SymOp s : sg.symops()) rec.add("SYMM %s", centre.times(s).wrapped().toXyz().toUpperCase(Locale.ROOT));
        double[] reso = resolutionRange(mtz);
        rec.add("RESO %-20.12f %-20.12f", reso[0], reso[1]);
        rec.add("VALM NAN");
        for (Mtz.Column col : mtz.columns()) {
            float[] mm = minMax(col.data());
            rec.add("COLUMN %-30s %c %17s %17s %4d", col.label(), col.type(), format17(mm[0]), format17(mm[1]), col.datasetId());
        }
        rec.add("NDIF %8d", mtz.datasets().size());
        for (Mtz.Dataset ds : mtz.datasets()) {
            rec.add("PROJECT %7d %s", ds.id(), ds.project());
            rec.add("CRYSTAL %7d %s", ds.id(), ds.crystal());
            rec.add("DATASET %7d %s", ds.id(), ds.dataset());
            UnitCell u = ds.cell() != null ? ds.cell() : c;
            rec.add("DCELL %9d %10.4f%10.4f%10.4f%10.4f%10.4f%10.4f", ds.id(), u.a(), u.b(), u.c(), u.alpha(), u.beta(), u.gamma());
            rec.add("DWAVEL %8d %10.5f", ds.id(), ds.wavelength());
            // BATCH records list the batch numbers of this dataset, 12 to a line
            StringBuilder line = new StringBuilder();
            int inLine = 0;
            for (Mtz.Batch b : mtz.batches()) {
                if (b.ints()[20] != ds.id()) continue;
                if (inLine == 0) line.append("BATCH ");
                line.append(String.format("%6d", b.number()));
                if (++inLine == 12) { rec.add("%s", line.toString()); line.setLength(0); inLine = 0; }
            }
            if (inLine > 0) rec.add("%s", line.toString());
        }
        rec.add("END");
        if (!mtz.history().isEmpty()) {
            rec.add("MTZHIST %3d", mtz.history().size());
            for (String h : mtz.history()) rec.add("%s", h);
        }
        if (!mtz.batches().isEmpty()) {
            rec.add("MTZBATS");
            for (Mtz.Batch b : mtz.batches()) {
                rec.add("BH %8d %7d %7d %7d", b.number(), 29 + 156, 29, 156);
                rec.add("TITLE %.70s", b.title());
                ByteBuffer bb = ByteBuffer.allocate(4 * 185).order(ByteOrder.LITTLE_ENDIAN);
                for (int v : b.ints()) bb.putInt(v);
                for (float v : b.floats()) bb.putFloat(v);
                out.write(bb.array());
                rec.add("BHCH  %7.7s %7.7s %7.7s", axis(b, 0), axis(b, 1), axis(b, 2));
            }
        }
        rec.add("MTZENDOFHEADERS");
        out.flush();
    }

    private static String axis(Mtz.Batch b, int i) { return b.axes().size() > i ? b.axes().get(i) : ""; }

    /** 1/d² of the lowest and highest resolution rows (from H, K, L and the cell). */
    private static double[] resolutionRange(Mtz mtz) {
        float[] h = mtz.column("H").data(), k = mtz.column("K").data(), l = mtz.column("L").data();
        var g = mtz.cell().metricTensor().inverse();
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (int r = 0; r < h.length; r++) {
            double s = h[r] * h[r] * g.get(0, 0) + k[r] * k[r] * g.get(1, 1) + l[r] * l[r] * g.get(2, 2)
                    + 2 * (h[r] * k[r] * g.get(0, 1) + h[r] * l[r] * g.get(0, 2) + k[r] * l[r] * g.get(1, 2));
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
        }
        return h.length == 0 ? new double[] {0, 0} : new double[] {lo, hi};
    }

    private static float[] minMax(float[] v) {
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (float x : v) if (!Float.isNaN(x)) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
        return lo > hi ? new float[] {0, 0} : new float[] {lo, hi};
    }

    /** The value with 9 decimals, cut to the 17 characters the COLUMN record has room for. */
    private static String format17(float f) {
        String s = String.format(Locale.ROOT, "%.9f", (double) f);
        return s.length() > 17 ? s.substring(0, 17) : s;
    }

    /** 80-character, blank-padded header records. */
    private static final class Records {
        private final OutputStream out;
        Records(OutputStream out) { this.out = out; }

        void add(String fmt, Object... args) throws IOException {
            String s = String.format(Locale.ROOT, fmt, args);
            if (s.length() > 80) s = s.substring(0, 80);
            byte[] b = new byte[80];
            java.util.Arrays.fill(b, (byte) ' ');
            byte[] t = s.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(t, 0, b, 0, t.length);
            out.write(b);
        }
    }
}
