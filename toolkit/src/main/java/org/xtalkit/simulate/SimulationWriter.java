package org.xtalkit.simulate;

import org.xtalkit.XtalException;
import org.xtalkit.io.image.nexus.NxmxWriter;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.ImageSetRef;
import org.xtalkit.progress.Progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Writes a simulation to files: the images (miniCBF or NXmx) and the truth. */
public final class SimulationWriter {
    public enum Format { CBF, NXMX }

    private SimulationWriter() {}

    /**
     * Writes images and truth into dir (created if needed), images in parallel on nproc threads.
     *
     * @return the imported experiments with their imageset pointing at the written files
     */
    public static ExperimentList write(Simulation sim, Path dir, Format format, String prefix, int nproc,
                                       Progress progress) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw XtalException.badFile(dir, "cannot create the output directory: " + e.getMessage(), e);
        }
        int n = sim.images().size();
        ImageSetRef imageSet;
        if (format == Format.CBF) {
            writeCbf(sim, dir, prefix, Math.max(1, nproc), progress);
            imageSet = CbfSweepWriter.imageSet(dir, prefix);
            progress.log(String.format("Wrote %d miniCBF images %s", n, dir.resolve(prefix + "_####.cbf")));
        } else {
            Path file = dir.resolve(prefix + ".nxs");
            writeNxmx(sim, file, progress);
            imageSet = ImageSetRef.files("ImageSequence", List.of(file.toString()));
            progress.log(String.format("Wrote %d images to the NXmx file %s", n, file));
        }
        for (Path p : TruthWriter.write(sim, dir)) progress.log("Wrote truth " + p);
        return sim.experiments().map(e -> new org.xtalkit.model.Experiment(e.identifier(), e.beam(), e.detector(),
                e.goniometer(), e.scan(), e.crystal(), imageSet, e.profileJson(), e.scalingModelJson()));
    }

    /** jhdf builds the whole file in memory: keep NXmx to sweeps that fit comfortably. */
    static final long NXMX_MAX_BYTES = 1L << 30;
    /** Several sweeps: a sweep beyond this many bytes of images goes to a master with data files of at most this size. */
    static final long NXMX_FILE_BYTES = 1L << 28;

    private static void writeNxmx(Simulation sim, Path file, Progress progress) {
        int n = sim.images().size();
        long bytes = imageBytes(sim) * n;
        if (bytes > NXMX_MAX_BYTES)
            throw new XtalException(String.format("simulate: format=nxmx holds the whole sweep in memory; %d images of"
                    + " binning %d are %d MB, more than %d MB: use format=cbf, binning=4 or fewer images",
                    n, sim.params().binning(), bytes >> 20, NXMX_MAX_BYTES >> 20));
        int[][] images = new int[n][];
        for (int i = 0; i < n; i++) {
            images[i] = sim.images().read(i)[0];
            progress.update("simulate", i + 1, n);
        }
        var e = sim.experiments().get(0);
        NxmxWriter.write(file, e.beam(), e.detector().panel(0), e.goniometer(), e.scan(), images,
                sim.images().staticMask()[0]);
    }

    private static long imageBytes(Simulation sim) {
        return 4L * sim.images().panelSize(0)[0] * sim.images().panelSize(0)[1];
    }

    /**
     * Writes several sweeps as NXmx, one file set per sweep ({@code <prefix>_1.nxs}, {@code <prefix>_2.nxs}...,
     * as the DIALS tutorial's {@code ins10_1.nxs}...): the file carries the sweep's goniometer setting,
     * which a miniCBF header cannot. A sweep of more than {@link #NXMX_FILE_BYTES} of images is written as
     * a master with data files ({@code <prefix>_<k>_data_000001.h5}...) so that memory stays bounded.
     * Images are computed on nproc threads. Then the truth of all sweeps.
     *
     * @return the imported experiments, one per sweep, each imageset pointing at its file
     */
    public static ExperimentList writeSweeps(MultiSweepSimulation sims, Path dir, String prefix, int nproc, Progress progress) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw XtalException.badFile(dir, "cannot create the output directory: " + e.getMessage(), e);
        }
        List<org.xtalkit.model.Experiment> out = new ArrayList<>();
        ExperimentList imported = sims.experiments();
        for (int k = 0; k < sims.size(); k++) {
            Simulation sim = sims.get(k);
            var e = imported.get(k);
            Path file = sweepFile(dir, prefix, k);
            int n = sim.images().size();
            int perFile = (int) Math.max(1, NXMX_FILE_BYTES / imageBytes(sim));
            String label = "simulate sweep " + (k + 1);
            if (n <= perFile) {
                int[][] images = readAll(sim, 0, n, nproc, label, progress);
                NxmxWriter.write(file, e.beam(), e.detector().panel(0), e.goniometer(), e.scan(), images, sim.images().staticMask()[0]);
            } else {
                // one data file's images at a time, computed in parallel when the writer asks for its first
                int[][][] block = new int[1][][];
                int[] blockStart = {-1};
                NxmxWriter.writeMasterAndData(file, e.beam(), e.detector().panel(0), e.goniometer(), e.scan(), i -> {
                    int start = i / perFile * perFile;
                    if (start != blockStart[0]) {
                        block[0] = readAll(sim, start, Math.min(perFile, n - start), nproc, label, progress);
                        blockStart[0] = start;
                    }
                    return block[0][i - start];
                }, sim.images().staticMask()[0], perFile);
            }
            progress.log(String.format("Wrote sweep %d (phi %.1f, chi %.1f): %d images to the NXmx file %s", k + 1,
                    sims.plan().phi()[k], sims.plan().chi()[k], n, file));
            out.add(new org.xtalkit.model.Experiment(e.identifier(), e.beam(), e.detector(), e.goniometer(), e.scan(),
                    e.crystal(), ImageSetRef.files("ImageSequence", List.of(file.toString())), e.profileJson(), e.scalingModelJson()));
        }
        for (Path p : TruthWriter.write(sims, dir)) progress.log("Wrote truth " + p);
        return new ExperimentList(out);
    }

    /** The file of sweep k (0-based): {@code <prefix>_<k+1>.nxs}. */
    public static Path sweepFile(Path dir, String prefix, int k) {
        return dir.resolve(prefix + "_" + (k + 1) + ".nxs");
    }

    /** Images from..from+count-1 of a simulation, computed on nproc threads. */
    private static int[][] readAll(Simulation sim, int from, int count, int nproc, String label, Progress progress) {
        int[][] images = new int[count][];
        AtomicInteger done = new AtomicInteger();
        parallel(count, nproc, i -> {
            images[i] = sim.images().read(from + i)[0];
            progress.update(label, from + done.incrementAndGet(), sim.images().size());
        });
        return images;
    }

    private static void writeCbf(Simulation sim, Path dir, String prefix, int nproc, Progress progress) {
        int n = sim.images().size();
        AtomicInteger done = new AtomicInteger();
        parallel(n, nproc, i -> {
            CbfSweepWriter.write(sim, i, dir, prefix);
            progress.update("simulate", done.incrementAndGet(), n);
        });
    }

    /** Runs job(0..n-1) on nproc threads; the first failure is rethrown. */
    private static void parallel(int n, int nproc, java.util.function.IntConsumer job) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, nproc));
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                jobs.add(pool.submit(() -> job.accept(index)));
            }
            for (Future<?> f : jobs) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XtalException("simulate: interrupted while writing images");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof XtalException x) throw x;
            throw new XtalException("simulate: writing images failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
