package org.xtalkit.io.refl;

import org.xtalkit.SharedData;
import org.xtalkit.table.ReflectionTable;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints .refl read and write throughput (MB/s of file) for the fixtures, best of several runs after
 * warm-up. Not a test: run with
 * {@code java -cp toolkit/target/classes:toolkit/target/test-classes org.xtalkit.io.refl.ReflBenchmark}.
 */
public final class ReflBenchmark {
    public static void main(String[] args) throws Exception {
        String[] files = args.length > 0 ? args : new String[] {
                "l_cysteine_4_sweeps_scaled/scaled_20_25.refl", "centroid_test_data/integrated.refl", "quartz_processed/strong.refl"};
        Path tmp = Files.createTempDirectory("reflbench");
        for (String name : files) {
            Path f = SharedData.data(name);
            byte[] bytes = Files.readAllBytes(f);
            ReflectionTable t = ReflReader.read(bytes, f);
            Path out = tmp.resolve("out.refl");
            double bestRead = Double.MAX_VALUE, bestEncode = Double.MAX_VALUE, bestWrite = Double.MAX_VALUE;
            for (int i = 0; i < 30; i++) {
                long t0 = System.nanoTime();
                ReflReader.read(f);
                long t1 = System.nanoTime();
                ReflWriter.toBytes(t);
                long t2 = System.nanoTime();
                ReflWriter.write(t, out);
                long t3 = System.nanoTime();
                bestRead = Math.min(bestRead, (t1 - t0) / 1e9);
                bestEncode = Math.min(bestEncode, (t2 - t1) / 1e9);
                bestWrite = Math.min(bestWrite, (t3 - t2) / 1e9);
            }
            long written = Files.size(out);
            System.out.printf("%-46s %5d rows  read (%s) %6.1f ms %5.0f MB/s   encode %6.1f ms %5.0f MB/s   write file %6.1f ms %5.0f MB/s (%.1f MB msgpack)%n",
                    name, t.size(), (bytes[0] & 0xff) == 0x80 ? "pickle" : "msgpack", bestRead * 1e3, bytes.length / 1e6 / bestRead,
                    bestEncode * 1e3, written / 1e6 / bestEncode, bestWrite * 1e3, written / 1e6 / bestWrite, written / 1e6);
            Files.deleteIfExists(out);
        }
        Files.deleteIfExists(tmp);
    }
}
