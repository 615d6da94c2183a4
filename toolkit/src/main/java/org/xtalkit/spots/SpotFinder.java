package org.xtalkit.spots;

import org.xtalkit.XtalException;
import org.xtalkit.io.image.ImageSource;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Panel;
import org.xtalkit.progress.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Finds strong spots in one image set as dials.find_spots does: threshold every image, join strong
 * pixels into connected regions (3D across consecutive images for sweeps, per image for stills),
 * keep regions of min_spot_size..max_spot_size pixels whose brightest pixel lies within
 * max_separation of the centroid.
 *
 * <p>Images are processed in blocks of consecutive images, {@code nproc} blocks at a time; a
 * thread holds one image and the strong pixels of its block. Regions that touch a block's first or
 * last image are kept open and joined with their neighbours' afterwards, so the regions are exactly
 * those of one pass over the whole sweep.
 */
public final class SpotFinder {
    private final SpotFinderParams params;

    public SpotFinder(SpotFinderParams params) { this.params = params; }

    /**
     * @param source     the images
     * @param firstFrame frame number (z, 0-based array index) of the source's first image
     * @param twod       true for stills: regions never span images
     * @param detector   the detector (panel sizes and trusted ranges)
     * @param masks      per panel, true = pixel may be used (see {@link PixelMasks})
     */
    public SpotFinderResult find(ImageSource source, int firstFrame, boolean twod, Detector detector,
                                 boolean[][] masks, Progress progress) {
        int n = source.size();
        if (source.numPanels() != detector.size())
            throw new XtalException(source.description() + ": " + source.numPanels() + " panels in the images, "
                    + detector.size() + " in the detector model");
        int nproc = Math.max(1, Math.min(params.nproc(), n));
        int blockSize = Math.max(1, Math.min(50, (n + 4 * nproc - 1) / (4 * nproc)));
        List<int[]> blocks = new ArrayList<>();
        for (int s = 0; s < n; s += blockSize) blocks.add(new int[] {s, Math.min(n, s + blockSize)});
        int[] strongPerImage = new int[n];
        AtomicInteger done = new AtomicInteger();
        List<BlockResult> results = new ArrayList<>();
        // with fewer blocks than threads, the panels of an image are split into row bands
        int spare = (params.nproc() + blocks.size() - 1) / blocks.size();
        ThreadLocal<DispersionThreshold> thresholds = ThreadLocal.withInitial(() -> new DispersionThreshold(params.threshold()));
        ForkJoinPool pool = params.nproc() == 1 ? null : new ForkJoinPool(params.nproc());
        try {
            List<Future<BlockResult>> futures = new ArrayList<>();
            for (int[] b : blocks) {
                BlockTask task = new BlockTask(source, b[0], b[1], n, firstFrame, twod, detector, masks, strongPerImage,
                        progress, done, thresholds, spare);
                if (pool == null) results.add(task.call());
                else futures.add(pool.submit(task));
            }
            for (Future<BlockResult> f : futures) results.add(f.get());
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            throw new XtalException(source.description() + ": spot finding failed: " + c, c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XtalException("find_spots interrupted");
        } finally {
            if (pool != null) pool.shutdownNow();
        }
        return assemble(results, detector, firstFrame, twod, strongPerImage);
    }

    private SpotFinderResult assemble(List<BlockResult> results, Detector detector, int firstFrame, boolean twod,
                                      int[] strongPerImage) {
        List<Spot> spots = new ArrayList<>();
        int[] counts = new int[3]; // extracted, too small, too large
        for (BlockResult r : results) {
            spots.addAll(r.spots);
            for (int i = 0; i < 3; i++) counts[i] += r.counts[i];
        }
        for (Region region : OpenRegions.join(results.stream().map(r -> r.open).toList()))
            accept(region, detector.panel(region.panel()).imageSizeFast(), spots, counts);
        int before = spots.size();
        if (params.maxSeparation() != null) {
            double maxd = params.maxSeparation();
            spots.removeIf(s -> !(s.peakCentroidDistance() <= maxd));
        }
        spots.sort(Comparator.comparingInt(Spot::panel).thenComparingLong(Spot::firstKey));
        int[][] hot = new int[detector.size()][];
        for (int p = 0; p < detector.size(); p++) {
            int[] h = null;
            for (BlockResult r : results) h = h == null ? r.hot[p] : intersect(h, r.hot[p]);
            hot[p] = strongPerImage.length > 1 && h != null ? h : new int[0];
        }
        return new SpotFinderResult(spots, firstFrame, strongPerImage, counts[0], counts[1], counts[2],
                before - spots.size(), hot);
    }

    private void accept(Region region, int width, List<Spot> spots, int[] counts) {
        counts[0]++;
        if (region.size() < params.minSpotSize()) counts[1]++;
        else if (region.size() > params.maxSpotSize()) counts[2]++;
        else spots.add(SpotBuilder.build(region, width));
    }

    private static RuntimeException rethrow(Exception e) {
        return e instanceof RuntimeException re ? re : new XtalException("spot finding failed: " + e, e);
    }

    static int[] intersect(int[] a, int[] b) {
        int[] out = new int[Math.min(a.length, b.length)];
        int n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) { out[n++] = a[i]; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return Arrays.copyOf(out, n);
    }

    /** What one block hands back: finished spots, regions still open at its ends, counts. */
    record BlockResult(List<Spot> spots, OpenRegions.Block open, int[] counts, int[][] hot) {}

    private final class BlockTask implements java.util.concurrent.Callable<BlockResult> {
        private final ImageSource source;
        private final int start, end, total, firstFrame;
        private final boolean twod;
        private final Detector detector;
        private final boolean[][] masks;
        private final int[] strongPerImage;
        private final Progress progress;
        private final AtomicInteger done;
        private final ThreadLocal<DispersionThreshold> thresholds;
        private final int spare;

        BlockTask(ImageSource source, int start, int end, int total, int firstFrame, boolean twod, Detector detector,
                  boolean[][] masks, int[] strongPerImage, Progress progress, AtomicInteger done,
                  ThreadLocal<DispersionThreshold> thresholds, int spare) {
            this.source = source; this.start = start; this.end = end; this.total = total;
            this.firstFrame = firstFrame; this.twod = twod; this.detector = detector; this.masks = masks;
            this.strongPerImage = strongPerImage; this.progress = progress; this.done = done;
            this.thresholds = thresholds; this.spare = spare;
        }

        /** Strong pixels of every panel of an image; panels and row bands run in parallel when threads are spare. */
        private IntList[] threshold(int[][] image) {
            int np = detector.size();
            int bands = spare <= 1 || !ForkJoinTask.inForkJoinPool() ? 1 : Math.max(1, (spare + np - 1) / np);
            List<Callable<IntList>> work = new ArrayList<>();
            for (int p = 0; p < np; p++) {
                Panel panel = detector.panel(p);
                int h = panel.imageSizeSlow(), nb = Math.max(1, Math.min(bands, h / 64));
                for (int b = 0; b < nb; b++) {
                    int panelIndex = p, r0 = (int) ((long) h * b / nb), r1 = (int) ((long) h * (b + 1) / nb);
                    work.add(() -> {
                        IntList out = new IntList(1024);
                        thresholds.get().thresholdRows(image[panelIndex], masks[panelIndex], panel.imageSizeFast(), h,
                                panel.trustedMin(), panel.trustedMax(), r0, r1, out);
                        return out;
                    });
                }
            }
            List<IntList> results = new ArrayList<>();
            if (work.size() > 1 && spare > 1 && ForkJoinTask.inForkJoinPool()) {
                List<ForkJoinTask<IntList>> tasks = work.stream().map(ForkJoinTask::adapt).toList();
                ForkJoinTask.invokeAll(tasks);
                for (ForkJoinTask<IntList> t : tasks) results.add(t.join());
            } else {
                for (Callable<IntList> c : work) {
                    try { results.add(c.call()); } catch (Exception e) { throw rethrow(e); }
                }
            }
            IntList[] perPanel = new IntList[np];
            int q = 0;
            for (int p = 0; p < np; p++) {
                int h = detector.panel(p).imageSizeSlow(), nb = Math.max(1, Math.min(bands, h / 64));
                IntList all = results.get(q++);
                for (int b = 1; b < nb; b++) {
                    IntList more = results.get(q++);
                    for (int t = 0; t < more.size; t++) all.add(more.data[t]);
                }
                perPanel[p] = all;
            }
            return perPanel;
        }

        @Override public BlockResult call() {
            int np = detector.size();
            RegionLabeller[] labellers = new RegionLabeller[np];
            long totalPixels = 0;
            for (int p = 0; p < np; p++) {
                labellers[p] = new RegionLabeller(p, detector.panel(p).imageSizeFast(), twod);
                totalPixels += detector.panel(p).pixelCount();
            }
            long maxStrong = (long) Math.ceil(params.maxStrongPixelFraction() * totalPixels);
            int[][] hot = new int[np][];
            for (int i = start; i < end; i++) {
                int[][] image = source.read(i);
                int frame = firstFrame + i, numStrong = 0;
                IntList[] strongPixels = threshold(image);
                for (int p = 0; p < np; p++) {
                    IntList strong = strongPixels[p];
                    labellers[p].addFrame(frame, image[p], strong);
                    numStrong += strong.size;
                    hot[p] = hot[p] == null ? strong.toArray() : intersect(hot[p], Arrays.copyOf(strong.data, strong.size));
                }
                if (params.maxStrongPixelFraction() < 1 && numStrong > maxStrong)
                    throw new XtalException(source.description() + ": the number of strong pixels found on image "
                            + (frame + 1) + " (" + numStrong + ") is greater than the maximum allowed (" + maxStrong
                            + "); try changing spot finding parameters (max_strong_pixel_fraction="
                            + params.maxStrongPixelFraction() + ")");
                strongPerImage[i] = numStrong;
                progress.log(String.format("Found %d strong pixels on image %d", numStrong, frame + 1));
            }
            List<Spot> spots = new ArrayList<>();
            int[] counts = new int[3];
            OpenRegions.Block open = new OpenRegions.Block(firstFrame + start, firstFrame + end - 1);
            int blockFirst = firstFrame + start, blockLast = firstFrame + end - 1;
            for (int p = 0; p < np; p++) {
                int width = detector.panel(p).imageSizeFast();
                for (Region r : labellers[p].regions()) {
                    boolean openStart = !twod && start > 0 && r.frame()[0] == blockFirst;
                    boolean openEnd = !twod && end < total && r.frame()[r.size() - 1] == blockLast;
                    if (openStart || openEnd) open.regions().add(r);
                    else accept(r, width, spots, counts);
                }
            }
            progress.update("find_spots", done.addAndGet(end - start), total);
            return new BlockResult(spots, open, counts, hot);
        }
    }
}
