package org.xtalkit.io.refl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xtalkit.SharedData;
import org.xtalkit.XtalException;
import org.xtalkit.table.ColumnType;
import org.xtalkit.table.MaskCode;
import org.xtalkit.table.ReflectionTable;
import org.xtalkit.table.Shoebox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ReflReaderTest {

    static List<Path> reflFiles() { return ReflFixtures.reflFiles(); }

    /**
     * Every column but the shoeboxes, every value to the last bit, as DIALS' own CSV export says: the
     * CSV text itself for files up to 1 MB; for the larger ones (formatting %.17g exactly is slow) the
     * same CSV with doubles in Java's shortest form, each field equal in value to the reference's.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("reflFiles")
    void everyFixtureEqualsItsReferenceCsv(Path refl) throws IOException {
        ReflectionTable t = ReflReader.read(refl);
        Path csv = ReflFixtures.referenceCsv(refl);
        String expected = Files.readString(csv);
        if (Files.size(csv) <= 1_000_000) {
            assertEquals(expected, ReflCsv.toCsv(t), refl + " as CSV");
            return;
        }
        java.io.StringWriter sw = new java.io.StringWriter();
        ReflCsv.write(t, sw, Double::toString);
        String[] e = expected.split("\r\n"), a = sw.toString().split("\r\n");
        assertEquals(e[0], a[0], "header of " + refl);
        assertEquals(e.length, a.length, "rows of " + refl);
        String[] header = e[0].split(",");
        for (int i = 1; i < e.length; i++) {
            String[] ef = e[i].split(",", -1), af = a[i].split(",", -1);
            assertEquals(ef.length, af.length, refl + " row " + (i - 1));
            for (int j = 0; j < ef.length; j++)
                if (!ef[j].equals(af[j]) && Double.doubleToLongBits(number(ef[j])) != Double.doubleToLongBits(number(af[j])))
                    fail(refl + " row " + (i - 1) + " column " + header[j] + ": expected " + ef[j] + ", read " + af[j]);
        }
    }

    private static double number(String s) {
        return switch (s) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    @Test
    void experimentIdentifiersAreThoseDialsReports() {
        assertEquals(Map.of(0, "0", 1, "1"), ReflReader.read(SharedData.data("l_cysteine_4_sweeps_scaled/scaled_20_25.refl")).experimentIdentifiers());
        assertEquals(Map.of(0, "3"), ReflReader.read(SharedData.data("l_cysteine_4_sweeps_scaled/scaled_35.refl")).experimentIdentifiers());
        assertEquals(Map.of(0, "001f4105-10c8-4ecd-ac88-2c789f79b510"),
                ReflReader.read(SharedData.data("quartz_processed/integrated.refl")).experimentIdentifiers());
        assertEquals(Map.of(), ReflReader.read(SharedData.data("centroid_test_data/integrated.refl")).experimentIdentifiers());
    }

    /**
     * Spot-finder shoeboxes: each sits on the reflection's bbox and panel, and the raw sum over its
     * foreground pixels is the reflection's intensity.sum.value (spot finding subtracts no background).
     */
    @Test
    void strongShoeboxesAgreeWithTheirReflections() {
        ReflectionTable t = ReflReader.read(SharedData.data("quartz_processed/strong.refl"));
        Shoebox[] sb = t.shoeboxes("shoebox");
        int[] bbox = t.int6("bbox");
        long[] panel = t.sizes("panel");
        double[] isum = t.doubles("intensity.sum.value");
        for (int i = 0; i < t.size(); i++) {
            assertArrayEquals(Arrays.copyOfRange(bbox, 6 * i, 6 * i + 6), sb[i].bbox(), "bbox of row " + i);
            assertEquals(panel[i], sb[i].panel());
            assertEquals(sb[i].volume(), sb[i].data().length);
            double sum = 0;
            for (int k = 0; k < sb[i].data().length; k++)
                if ((sb[i].mask()[k] & MaskCode.FOREGROUND) != 0) sum += sb[i].data()[k] - sb[i].background()[k];
            assertEquals(isum[i], sum, 1e-6 * Math.max(1, Math.abs(isum[i])), "intensity.sum.value of row " + i);
        }
    }

    @Test
    void integratedShoeboxesCarryTheirBackground() {
        ReflectionTable t = ReflReader.read(SharedData.data("l_cysteine_narrow_wedge/11_integrated.refl"));
        assertEquals(ColumnType.SHOEBOX, t.column("shoebox").type());
        double[] bgMean = t.doubles("background.mean");
        Shoebox[] sb = t.shoeboxes("shoebox");
        int checked = 0;
        for (int i = 0; i < t.size(); i++) {
            if (!sb[i].isAllocated()) continue;
            // DIALS' background.mean is the mean modelled background over the foreground pixels.
            double s = 0;
            int n = 0;
            for (int k = 0; k < sb[i].background().length; k++)
                if ((sb[i].mask()[k] & (MaskCode.FOREGROUND | MaskCode.VALID)) == (MaskCode.FOREGROUND | MaskCode.VALID)) { s += sb[i].background()[k]; n++; }
            if (n == 0) continue;
            assertEquals(bgMean[i], s / n, 1e-3 * Math.max(1, bgMean[i]), "background.mean of row " + i);
            checked++;
        }
        assertTrue(checked > 0, "no integrated shoebox with pixels");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"quartz_processed/indexed.refl", "l_cysteine_4_sweeps_scaled/scaled_30.refl"})
    void truncatedFileIsAnErrorNamingTheFile(String fixture, @TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(SharedData.data(fixture));
        for (int keep : new int[] {1, 40, bytes.length / 2, bytes.length - 1}) {
            Path cut = dir.resolve("cut_" + keep + ".refl");
            Files.write(cut, Arrays.copyOf(bytes, keep));
            XtalException e = assertThrows(XtalException.class, () -> ReflReader.read(cut));
            assertTrue(e.getMessage().contains(cut.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void fileOfAnotherLayoutIsAnErrorNamingTheFileAndTheLayout(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("not_a_table.refl");
        Files.writeString(json, "{\"__id__\": \"ExperimentList\"}");
        XtalException e = assertThrows(XtalException.class, () -> ReflReader.read(json));
        assertTrue(e.getMessage().startsWith(json.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("dials::af::reflection_table"), e.getMessage());

        MsgpackOutput other = new MsgpackOutput(64);
        other.arrayHeader(3);
        other.string("dials::af::shoebox_list");
        other.integer(1);
        other.mapHeader(0);
        Path wrongType = dir.resolve("other.refl");
        Files.write(wrongType, other.toByteArray());
        e = assertThrows(XtalException.class, () -> ReflReader.read(wrongType));
        assertTrue(e.getMessage().contains(wrongType.toString()) && e.getMessage().contains("dials::af::shoebox_list"), e.getMessage());

        Path pickle = dir.resolve("old.refl");
        Files.write(pickle, new byte[] {(byte) 0x80, 2, 'c', 'o', 's', '\n', 's', 'y', 's', 't', 'e', 'm', '\n', 'N', 'R', '.'});
        e = assertThrows(XtalException.class, () -> ReflReader.read(pickle));
        assertTrue(e.getMessage().contains(pickle.toString()) && e.getMessage().contains("os.system"), e.getMessage());
    }

    /** Damaged files (bytes overwritten at random, 120 times, fixed seed) read or fail with an XtalException, nothing else. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"l_cysteine_narrow_wedge/23_integrated.refl", "l_cysteine_4_sweeps_scaled/scaled_35.refl"})
    void damagedFilesFailCleanly(String fixture) throws IOException {
        byte[] original = Files.readAllBytes(SharedData.data(fixture));
        java.util.Random r = new java.util.Random(20261125);
        int failed = 0;
        for (int trial = 0; trial < 120; trial++) {
            byte[] b = original.clone();
            // Damage the structure near the start (headers, names, types) as well as anywhere.
            int region = trial % 2 == 0 ? Math.min(b.length, 400) : b.length;
            for (int k = 0; k < 1 + r.nextInt(4); k++) b[r.nextInt(region)] = (byte) r.nextInt(256);
            try {
                ReflReader.read(b, "damaged.refl");
            } catch (XtalException e) {
                assertTrue(e.getMessage().startsWith("damaged.refl: "), e.getMessage());
                failed++;
            }
        }
        assertTrue(failed > 0, "no damage was detected at all");
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        Path f = dir.resolve("absent.refl");
        XtalException e = assertThrows(XtalException.class, () -> ReflReader.read(f));
        assertEquals(f + ": no such file, expected a DIALS reflection file (.refl)", e.getMessage());
    }

    @Test
    void unknownVersionAndColumnTypeAreNamed(@TempDir Path dir) throws IOException {
        MsgpackOutput v2 = header(2, "vec3<double>", 24);
        Path f2 = dir.resolve("v2.refl");
        Files.write(f2, v2.toByteArray());
        XtalException e = assertThrows(XtalException.class, () -> ReflReader.read(f2));
        assertTrue(e.getMessage().contains("version 2, expected 1"), e.getMessage());

        Path fi = dir.resolve("vec3int.refl");
        Files.write(fi, header(1, "vec3<int>", 12).toByteArray());
        e = assertThrows(XtalException.class, () -> ReflReader.read(fi));
        assertTrue(e.getMessage().contains(fi.toString()) && e.getMessage().contains("unknown type 'vec3<int>'"), e.getMessage());

        Path short_ = dir.resolve("short_column.refl");
        Files.write(short_, header(1, "vec3<double>", 23).toByteArray());
        e = assertThrows(XtalException.class, () -> ReflReader.read(short_));
        assertTrue(e.getMessage().contains("column 'xyz'") && e.getMessage().contains("23 bytes"), e.getMessage());
    }

    /** A one-row table with a single column "xyz" of the given type name and payload size. */
    private static MsgpackOutput header(int version, String type, int payload) {
        MsgpackOutput o = new MsgpackOutput(128);
        o.arrayHeader(3);
        o.string("dials::af::reflection_table");
        o.integer(version);
        o.mapHeader(3);
        o.string("identifiers");
        o.mapHeader(0);
        o.string("nrows");
        o.integer(1);
        o.string("data");
        o.mapHeader(1);
        o.string("xyz");
        o.arrayHeader(2);
        o.string(type);
        o.arrayHeader(2);
        o.integer(1);
        o.bin(payload);
        return o;
    }
}
