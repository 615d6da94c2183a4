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

    private static void writeNxmx(Simulation sim, Path file, Progress progress) {
        int n = sim.images().size();
        long bytes = 4L * n * sim.images().panelSize(0)[0] * sim.images().panelSize(0)[1];
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
        NxmxWriter.write(file, e.beam(), e.detector().panel(0), e.goniometer().rotationAxis(), e.scan(), images,
                sim.images().staticMask()[0]);
    }

    private static void writeCbf(Simulation sim, Path dir, String prefix, int nproc, Progress progress) {
        int n = sim.images().size();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(nproc);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                jobs.add(pool.submit(() -> {
                    CbfSweepWriter.write(sim, index, dir, prefix);
                    progress.update("simulate", done.incrementAndGet(), n);
                }));
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
