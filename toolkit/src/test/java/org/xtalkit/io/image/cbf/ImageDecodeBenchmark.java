package org.xtalkit.io.image.cbf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * CBF decode throughput in MB/s of decoded pixels (4 bytes each), on one thread and on all cores:
 * byte-offset decoding of packed data already in memory, and whole-file reads (header, checks,
 * decode) from the page cache. Run: java -cp ... org.xtalkit.io.image.cbf.ImageDecodeBenchmark [cbf files]
 * (default: the real CBFs of ../shared/data/image_examples).
 */
public final class ImageDecodeBenchmark {
    private ImageDecodeBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<Path> files = new ArrayList<>();
        if (args.length > 0) for (String a : args) files.add(Path.of(a));
        else {
            Path dir = Path.of(System.getProperty("xtalkit.shared", "../../shared"), "data", "image_examples");
            for (String n : new String[] {"DLS_I03_smargon_0001.cbf", "dlsnxs2cbf_therm_0001.cbf", "DLS_I23_P12M_thau_00001.cbf"})
                files.add(dir.resolve(n));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("CBF decode benchmark, %d file(s), %d core(s), Java %s%n", files.size(), cores, System.getProperty("java.version"));
        for (Path f : files) {
            CbfReader.Pixels px = CbfReader.read(f);
            byte[] packed = packed(f);
            int n = px.data().length;
            double mb = 4.0 * n / 1e6;
            // warm up the JIT on this image
            for (int i = 0; i < 5; i++) ByteOffset.decode(packed, 0, packed.length, new int[n]);
            int reps = Math.max(10, (int) (2000 / mb));
            double one = rate(reps, mb, 1, () -> ByteOffset.decode(packed, 0, packed.length, new int[n]));
            double all = rate(reps, mb, cores, () -> ByteOffset.decode(packed, 0, packed.length, new int[n]));
            double file1 = rate(Math.max(5, reps / 4), mb, 1, () -> CbfReader.read(f));
            double fileN = rate(Math.max(5, reps / 4), mb, cores, () -> CbfReader.read(f));
            System.out.printf("%-32s %5d x %-5d %6.1f MB pixels: decode %7.0f MB/s (1 thread) %7.0f MB/s (%d threads); "
                    + "file read %6.0f MB/s (1) %6.0f MB/s (%d)%n", f.getFileName(), px.fast(), px.slow(), mb,
                    one, all, cores, file1, fileN, cores);
        }
    }

    /** The packed binary section of a file, to time decoding alone. */
    private static byte[] packed(Path f) throws Exception {
        byte[] all = Files.readAllBytes(f);
        for (int i = 0; i + 3 < all.length; i++)
            if (all[i] == 0x0C && all[i + 1] == 0x1A && all[i + 2] == 0x04 && all[i + 3] == (byte) 0xD5)
                return java.util.Arrays.copyOfRange(all, i + 4, all.length);
        throw new IllegalArgumentException(f + " has no binary section");
    }

    private static double rate(int reps, double mbPerRep, int threads, Runnable work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < reps; i++) jobs.add(pool.submit(work));
            for (Future<?> j : jobs) j.get();
            double s = (System.nanoTime() - t0) / 1e9;
            return reps * mbPerRep / s;
        } finally {
            pool.shutdown();
        }
    }
}
