package org.xtalkit.io.mtz;

import org.xtalkit.XtalException;
import org.xtalkit.model.UnitCell;
import org.xtalkit.spacegroup.SpaceGroup;
import org.xtalkit.spacegroup.SymOp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads MTZ files (little- or big-endian IEEE): header records, columns, datasets and batch
 * headers. The space group comes from the SYMM records (so any setting is recognised).
 */
public final class MtzReader {
    private MtzReader() {}

    public static Mtz read(Path file) {
        try {
            return read(Files.readAllBytes(file), file);
        } catch (IOException e) {
            throw XtalException.badFile(file, "cannot read: " + e.getMessage(), e);
        }
    }

    public static Mtz read(byte[] bytes, Object source) {
        if (bytes.length < 80 || !new String(bytes, 0, 4, StandardCharsets.US_ASCII).equals("MTZ "))
            throw XtalException.badFile(source, "not an MTZ file (no 'MTZ ' stamp)");
        ByteOrder order = (bytes[9] & 0xf0) == 0x10 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(order);
        long headerWord = buf.getInt(4);
        if (headerWord < 0) headerWord = buf.getLong(12);
        int pos = (int) (4 * (headerWord - 1));
        String title = "";
        int ncol = 0, nrow = 0;
        UnitCell cell = null;
        List<SymOp> symm = new ArrayList<>();
        List<String[]> cols = new ArrayList<>();
        List<int[]> dsIds = new ArrayList<>();
        List<Mtz.Dataset> datasets = new ArrayList<>();
        String[] proj = new String[1000], cryst = new String[1000], dset = new String[1000];
        UnitCell[] dcell = new UnitCell[1000];
        double[] wavel = new double[1000];
        List<Integer> order1 = new ArrayList<>();
        List<Mtz.Batch> batches = new ArrayList<>();
        List<String> history = new ArrayList<>();
        boolean inBatches = false;
        while (pos + 80 <= bytes.length) {
            String rec = new String(bytes, pos, 80, StandardCharsets.US_ASCII);
            pos += 80;
            String key = rec.length() >= 4 ? rec.substring(0, Math.min(rec.length(), 8)).trim() : rec;
            String rest = rec.length() > 4 ? rec.substring(rec.indexOf(' ') < 0 ? rec.length() : rec.indexOf(' ')).trim() : "";
            if (rec.startsWith("MTZENDOFHEADERS")) break;
            if (inBatches) {
                if (rec.startsWith("BH ")) {
                    String[] w = rest.split("\\s+");
                    int number = Integer.parseInt(w[0]);
                    String btitle = new String(bytes, pos, 80, StandardCharsets.US_ASCII).substring(5).trim();
                    pos += 80;
                    int[] ints = new int[29];
                    float[] floats = new float[156];
                    ByteBuffer b = ByteBuffer.wrap(bytes, pos, 4 * 185).order(order);
                    for (int i = 0; i < 29; i++) ints[i] = b.getInt();
                    for (int i = 0; i < 156; i++) floats[i] = b.getFloat();
                    pos += 4 * 185;
                    String bhch = new String(bytes, pos, 80, StandardCharsets.US_ASCII);
                    pos += 80;
                    List<String> axes = new ArrayList<>();
                    for (String a : bhch.substring(4).trim().split("\\s+")) if (!a.isEmpty()) axes.add(a);
                    batches.add(new Mtz.Batch(number, btitle, ints, floats, axes));
                }
                continue;
            }
            if (rec.startsWith("MTZBATS")) { inBatches = true; continue; }
            if (rec.startsWith("MTZHIST")) {
                int n = Integer.parseInt(rec.substring(7).trim());
                for (int i = 0; i < n; i++) { history.add(new String(bytes, pos, 80, StandardCharsets.US_ASCII).trim()); pos += 80; }
                continue;
            }
            String[] w = rest.isEmpty() ? new String[0] : rest.split("\\s+");
            switch (key.split(" ")[0]) {
                case "TITLE" -> title = rest;
                case "NCOL" -> { ncol = Integer.parseInt(w[0]); nrow = Integer.parseInt(w[1]); }
                case "CELL" -> cell = cell(w, 0);
                case "SYMM" -> symm.add(SymOp.parseXyz(rest.replace(" ", "")));
                case "COLUMN" -> cols.add(w);
                case "PROJECT" -> { int id = Integer.parseInt(w[0]); proj[id] = words(w); if (!order1.contains(id)) order1.add(id); }
                case "CRYSTAL" -> cryst[Integer.parseInt(w[0])] = words(w);
                case "DATASET" -> dset[Integer.parseInt(w[0])] = words(w);
                case "DCELL" -> dcell[Integer.parseInt(w[0])] = cell(w, 1);
                case "DWAVEL" -> wavel[Integer.parseInt(w[0])] = Double.parseDouble(w[1]);
                default -> { }
            }
        }
        if (cols.size() != ncol) throw XtalException.badFile(source, "NCOL says " + ncol + " columns, " + cols.size() + " COLUMN records");
        for (int id : order1) datasets.add(new Mtz.Dataset(id, proj[id], cryst[id], dset[id], dcell[id], wavel[id]));
        List<Mtz.Column> columns = new ArrayList<>();
        for (int c = 0; c < ncol; c++) {
            float[] data = new float[nrow];
            for (int r = 0; r < nrow; r++) data[r] = buf.getFloat(80 + 4 * (r * ncol + c));
            String[] w = cols.get(c);
            columns.add(new Mtz.Column(w[0], w[1].charAt(0), Integer.parseInt(w[w.length - 1]), data));
        }
        SpaceGroup sg = SpaceGroup.fromOperators(symm, List.of());
        return new Mtz(title, cell, sg, datasets, columns, batches, history);
    }

    private static String words(String[] w) { return String.join(" ", java.util.Arrays.copyOfRange(w, 1, w.length)); }

    private static UnitCell cell(String[] w, int from) {
        double[] p = new double[6];
        for (int i = 0; i < 6; i++) p[i] = Double.parseDouble(w[from + i]);
        return UnitCell.of(p);
    }
}
