package org.xtalkit.io.refl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xtalkit.SharedData;
import org.xtalkit.XtalException;
import org.xtalkit.table.Flag;
import org.xtalkit.table.MaskCode;
import org.xtalkit.table.ReflectionTable;
import org.xtalkit.table.Shoebox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class ReflWriterTest {

    static List<Path> reflFiles() { return ReflFixtures.reflFiles(); }

    /** msgpack files come back byte for byte; pickles (older DIALS) column for column as msgpack. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("reflFiles")
    void everyFixtureRoundTrips(Path refl, @TempDir Path dir) throws IOException {
        byte[] original = Files.readAllBytes(refl);
        ReflectionTable t = ReflReader.read(refl);
        Path copy = dir.resolve("copy.refl");
        ReflWriter.write(t, copy);
        if ((original[0] & 0xff) != 0x80)
            assertArrayEquals(original, Files.readAllBytes(copy), refl + " written back");
        assertSameTable(t, ReflReader.read(copy));
    }

    @Test
    void everyColumnTypeRoundTrips(@TempDir Path dir) {
        ReflectionTable t = everyType(7, 42);
        Path f = dir.resolve("all_types.refl");
        ReflWriter.write(t, f);
        ReflectionTable back = ReflReader.read(f);
        assertSameTable(t, back);
        assertEquals(List.of("bbox", "d", "entering", "flags", "id", "label", "miller_index", "panel",
                "s0_mat", "shoebox", "xyzobs.mm.value", "xyzobs.px.value"), back.columnOrder(), "DIALS' sorted column order");
        assertTrue(back.getFlags(Flag.INTEGRATED_SUM)[0]);
    }

    @Test
    void emptyTableRoundTrips(@TempDir Path dir) {
        ReflectionTable t = everyType(0, 1);
        Path f = dir.resolve("empty.refl");
        ReflWriter.write(t, f);
        ReflectionTable back = ReflReader.read(f);
        assertEquals(0, back.size());
        assertSameTable(t, back);
    }

    @Test
    void failedWriteLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("kept.refl");
        ReflWriter.write(everyType(3, 1), f);
        byte[] before = Files.readAllBytes(f);
        ReflectionTable bad = everyType(3, 2);
        bad.strings("label")[1] = "a label much longer than fifteen bytes";
        XtalException e = assertThrows(XtalException.class, () -> ReflWriter.write(bad, f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("'label' row 1"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList());
        }
    }

    /** Developer check: DIALS reads what xtalkit writes, every column and value. Needs DIALS. */
    @Test
    void dialsReadsWhatXtalkitWrites(@TempDir Path dir) throws Exception {
        SharedData.assumeCommand("dials.import");
        ReflectionTable t = everyType(5, 9);
        t.remove("label");   // DIALS cannot read string columns from files (its own come back as garbage)
        Path f = dir.resolve("for_dials.refl");
        ReflWriter.write(t, f);
        Path csv = dir.resolve("dials.csv");
        String script = String.join("\n",
                "import sys, runpy",
                "sys.argv = ['refl2csv', sys.argv[1], sys.argv[2]]",
                "runpy.run_path('" + SharedData.reference("tools/refl2csv.py") + "', run_name='__main__')",
                "from dials.array_family import flex",
                "t = flex.reflection_table.from_file('" + f + "')",
                "sb = t['shoebox']",
                "print('SHOEBOX', ' '.join('%d:%s:%d:%d:%d' % (s.panel, ','.join(map(str, s.bbox)), len(s.data),",
                "      flex.sum(s.data) if len(s.data) else 0, flex.sum(s.mask) if len(s.mask) else 0) for s in sb))",
                "print('IDS', sorted(dict(t.experiment_identifiers()).items()))");
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", script, f.toString(), csv.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals(ReflCsv.toCsv(t), Files.readString(csv), "DIALS' CSV of our file");
        StringBuilder boxes = new StringBuilder("SHOEBOX");
        for (Shoebox s : t.shoeboxes("shoebox")) {
            long sum = 0, maskSum = 0;   // the test's counts are whole numbers
            for (float v : s.data()) sum += (long) v;
            for (int m : s.mask()) maskSum += m;
            boxes.append(' ').append(String.format("%d:%d,%d,%d,%d,%d,%d:%d:%d:%d", s.panel(), s.bbox()[0], s.bbox()[1],
                    s.bbox()[2], s.bbox()[3], s.bbox()[4], s.bbox()[5], s.data().length, sum, maskSum));
        }
        assertTrue(out.contains(boxes.toString()), "expected " + boxes + " in\n" + out);
        assertTrue(out.contains("IDS [(0, 'first-uuid'), (3, 'fourth')]"), out);
    }

    /** Developer check: a pickled fixture written by xtalkit as msgpack is, for DIALS, the reference CSV. Needs DIALS. */
    @Test
    void dialsReadsOurMsgpackCopyOfAPickledFixture(@TempDir Path dir) throws Exception {
        SharedData.assumeCommand("dials.import");
        Path f = dir.resolve("scaled_30.refl");
        ReflWriter.write(ReflReader.read(SharedData.data("l_cysteine_4_sweeps_scaled/scaled_30.refl")), f);
        Path csv = dir.resolve("dials.csv");
        Process p = new ProcessBuilder("/usr/bin/python3", SharedData.reference("tools/refl2csv.py").toString(), f.toString(), csv.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals(Files.readString(SharedData.reference("l_cysteine_4_sweeps_scaled/scaled_30.csv")), Files.readString(csv));
        assertTrue(out.contains("identifiers={0: '2'}"), out);
    }

    /** A table with a column of every DIALS type, filled from a fixed seed. */
    static ReflectionTable everyType(int n, long seed) {
        Random r = new Random(seed);
        ReflectionTable t = new ReflectionTable(n);
        int[] id = t.newInts("id");
        double[] d = t.newDoubles("d");
        boolean[] entering = t.newBools("entering");
        long[] panel = t.newSizes("panel");
        double[] px = t.newVec3("xyzobs.px.value");
        double[] mm = t.newVec2("xyzobs.mm.value");
        double[] mat = t.newMat3("s0_mat");
        int[] bbox = t.newInt6("bbox");
        int[] hkl = t.newMiller("miller_index");
        String[] label = t.newStrings("label");
        Shoebox[] sb = t.newShoeboxes("shoebox");
        for (int i = 0; i < n; i++) {
            id[i] = i % 2 == 0 ? 0 : 3;
            d[i] = i == 0 ? Double.NaN : i == 1 ? -0.0 : i == 2 ? Double.POSITIVE_INFINITY : 1 / r.nextDouble();
            entering[i] = r.nextBoolean();
            panel[i] = r.nextInt(24);
            for (int k = 0; k < 3; k++) px[3 * i + k] = 2000 * r.nextDouble();
            for (int k = 0; k < 2; k++) mm[2 * i + k] = r.nextGaussian();
            for (int k = 0; k < 9; k++) mat[9 * i + k] = r.nextGaussian();
            int x0 = r.nextInt(100), y0 = r.nextInt(100), z0 = r.nextInt(10);
            int[] b = {x0, x0 + 1 + r.nextInt(4), y0, y0 + 1 + r.nextInt(4), z0, z0 + 1 + r.nextInt(3)};
            System.arraycopy(b, 0, bbox, 6 * i, 6);
            for (int k = 0; k < 3; k++) hkl[3 * i + k] = r.nextInt(41) - 20;
            label[i] = i == 0 ? "" : "refl" + i;
            if (i % 3 == 2) {
                sb[i] = new Shoebox((int) panel[i], b, new float[0], new int[0], new float[0]);
            } else {
                int v = (b[1] - b[0]) * (b[3] - b[2]) * (b[5] - b[4]);
                float[] data = new float[v], bg = new float[v];
                int[] mask = new int[v];
                for (int k = 0; k < v; k++) {
                    data[k] = r.nextInt(1000);
                    bg[k] = (float) (r.nextDouble() * 5);
                    mask[k] = MaskCode.VALID | (k % 2 == 0 ? MaskCode.FOREGROUND : MaskCode.BACKGROUND);
                }
                sb[i] = new Shoebox((int) panel[i], b, data, mask, bg);
            }
        }
        long[] flags = t.flags();
        if (n >= 3) {
            t.setFlag(0, Flag.INTEGRATED_SUM);
            t.setFlag(1, Flag.SCALED);
            flags[2] = -1L;   // every bit of a std::size_t
        }
        t.setIdentifier(0, "first-uuid");
        t.setIdentifier(3, "fourth");
        return t;
    }

    static void assertSameTable(ReflectionTable a, ReflectionTable b) {
        assertEquals(a.size(), b.size());
        assertEquals(Map.copyOf(a.experimentIdentifiers()), Map.copyOf(b.experimentIdentifiers()));
        assertEquals(new java.util.TreeSet<>(a.columnNames()), new java.util.TreeSet<>(b.columnNames()));
        for (String n : a.columnNames())
            assertTrue(a.column(n).contentEquals(b.column(n)), "column " + n);
    }
}
