package org.xtalkit.step;

import org.xtalkit.io.image.ImageSets;
import org.xtalkit.io.image.ImageSource;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.ImageSetRef;
import org.xtalkit.model.Scan;
import org.xtalkit.progress.Progress;
import org.xtalkit.spots.ImageStats;
import org.xtalkit.spots.MaskParams;
import org.xtalkit.spots.PixelMasks;
import org.xtalkit.spots.Spot;
import org.xtalkit.spots.SpotFinder;
import org.xtalkit.spots.SpotFinderParams;
import org.xtalkit.spots.SpotFinderResult;
import org.xtalkit.spots.SpotHistogram;
import org.xtalkit.spots.SpotTable;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamValues;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * dials.find_spots: strong spots on every image of every image set of the experiments.
 * {@code FindSpots.run(imported, FindSpots.Params.defaults())} in a notebook; the CLI step
 * {@code xtal find_spots imported.expt} writes strong.refl.
 */
public final class FindSpots {
    private FindSpots() {}

    /**
     * Opens images firstImage..lastImage (1-based scan numbers) of an image set, image 0 being
     * firstImage; lastImage is Integer.MAX_VALUE for all of an image set without a scan.
     */
    @FunctionalInterface
    public interface ImageOpener {
        ImageSource open(ImageSetRef imageSet, int firstImage, int lastImage);
    }

    /** Spot finding with paths of the image sets resolved against the working directory. */
    public static SpotResult run(ExperimentList experiments, Params params) {
        return run(experiments, params, Path.of("").toAbsolutePath(), Progress.NONE);
    }

    public static SpotResult run(ExperimentList experiments, Params params, Path baseDir, Progress progress) {
        return run(experiments, params, (ref, a, b) -> ImageSets.open(ref, a, b, baseDir), progress);
    }

    public static SpotResult run(ExperimentList experiments, Params params, ImageOpener opener, Progress progress) {
        List<ImageSetRef> sets = new ArrayList<>();
        for (Experiment e : experiments) if (!sets.contains(e.imageSet())) sets.add(e.imageSet());
        SpotTable table = new SpotTable();
        List<SpotResult.ImageSetSpots> perSet = new ArrayList<>();
        for (int j = 0; j < sets.size(); j++) {
            ImageSetRef ref = sets.get(j);
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < experiments.size(); i++) if (java.util.Objects.equals(experiments.get(i).imageSet(), ref)) members.add(i);
            Experiment first = experiments.get(members.get(0));
            int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
            boolean still = true;
            for (int i : members) {
                Scan s = experiments.get(i).scan();
                if (s == null) continue;
                lo = Math.min(lo, s.firstImage());
                hi = Math.max(hi, s.lastImage());
                if (!s.isStill()) still = false;
            }
            progress.log("-".repeat(80) + "\nFinding strong spots in imageset " + j + "\n" + "-".repeat(80));
            try (ImageSource source = opener.open(ref, lo == Integer.MAX_VALUE ? 1 : lo,
                    hi == Integer.MIN_VALUE ? Integer.MAX_VALUE : hi)) {
                if (lo == Integer.MAX_VALUE) { lo = 1; hi = source.size(); }
                SpotFinderParams sp = params.finderParams(first.detector().panel(0).type());
                if (params.minSpotSize() == null)
                    progress.log("Setting spotfinder.filter.min_spot_size=" + sp.minSpotSize());
                progress.log(String.format("%nFinding spots in image %d to %d...", lo, hi));
                boolean[][] masks = PixelMasks.build(first.detector(), first.beam(), source.staticMask(), params.mask());
                SpotFinderResult r = new SpotFinder(sp).find(source, lo - 1, still, first.detector(), masks, progress);
                progress.log(String.format("%nExtracted %d spots", r.extracted()));
                progress.log(String.format("Removed %d spots with size < %d pixels", r.tooSmall(), sp.minSpotSize()));
                progress.log(String.format("Removed %d spots with size > %d pixels", r.tooLarge(), sp.maxSpotSize()));
                int kept = r.extracted() - r.tooSmall() - r.tooLarge();
                progress.log(String.format("Calculated %d spot centroids", kept));
                progress.log(String.format("Calculated %d spot intensities", kept));
                if (sp.maxSeparation() != null)
                    progress.log(String.format("Filtered %d of %d spots by peak-centroid distance", r.spots().size(), kept));
                int hot = 0;
                for (int[] h : r.hotPixels()) hot += h.length;
                table.add(r.spots(), experiments, members, j);
                double[] z = r.spots().stream().mapToDouble(s -> s.xyz()[2]).toArray();
                String histogram = SpotHistogram.render(z);
                List<ImageStats> stats = ImageStats.of(r.spots(), lo - 1, hi - 1, first.detector(), first.beam());
                perSet.add(new SpotResult.ImageSetSpots(j, stats, r.strongPixels(), histogram, hot));
                if (hot > 0) progress.log("Found " + hot + " possible hot pixel(s)");
                if (z.length > 0) {
                    progress.log("\nHistogram of per-image spot count for imageset " + j + ":");
                    progress.log(histogram);
                }
                if (params.perImageStatistics()) progress.log(statsTable(stats));
            }
        }
        return new SpotResult(table.build(experiments, params.shoeboxes()), perSet);
    }

    static String statsTable(List<ImageStats> stats) {
        StringBuilder sb = new StringBuilder("| image | #spots | #spots_4A | total_intensity | d_min (distl 1) |\n");
        for (ImageStats s : stats)
            sb.append(String.format("| %5d | %6d | %9d | %15.0f | %15.2f |%n", s.image(), s.nSpots(), s.nSpots4A(),
                    s.totalIntensity(), s.dMin()));
        return sb.toString();
    }

    /** Every parameter of find_spots, with DIALS' names, defaults and help. */
    public static List<ParamSpec> specs() { return FindSpotsParams.SPECS; }

    /**
     * The parameters of find_spots.
     *
     * @param threshold              spotfinder.threshold.*
     * @param minSpotSize            spotfinder.filter.min_spot_size, null = Auto
     * @param maxSpotSize            spotfinder.filter.max_spot_size
     * @param maxSeparation          spotfinder.filter.max_separation, null = no filter
     * @param maxStrongPixelFraction spotfinder.filter.max_strong_pixel_fraction
     * @param mask                   spotfinder.filter masking (border, d_min, d_max, untrusted, ice_rings ...)
     * @param nproc                  spotfinder.mp.nproc, null = Auto (all cores)
     * @param output                 output.reflections
     * @param shoeboxes              output.shoeboxes
     * @param perImageStatistics     per_image_statistics
     */
    public record Params(org.xtalkit.spots.ThresholdParams threshold, Integer minSpotSize, int maxSpotSize,
                         Double maxSeparation, double maxStrongPixelFraction, MaskParams mask, Integer nproc,
                         String output, boolean shoeboxes, boolean perImageStatistics) {

        public static Params defaults() { return parse(); }

        /** Parse DIALS-style words: {@code d_max=20 nproc=2 spotfinder.threshold.algorithm=dispersion}. */
        public static Params parse(String... words) {
            return FindSpotsParams.from(ParamValues.parse("find_spots", specs(), words));
        }

        public static Params from(ParamValues values) { return FindSpotsParams.from(values); }

        SpotFinderParams finderParams(String panelType) {
            int min = minSpotSize != null ? minSpotSize : "SENSOR_PAD".equals(panelType) ? 3 : 6;
            int n = nproc != null ? nproc : Runtime.getRuntime().availableProcessors();
            return new SpotFinderParams(threshold, min, maxSpotSize, maxSeparation, maxStrongPixelFraction, n);
        }

        public Params withNproc(int n) {
            return new Params(threshold, minSpotSize, maxSpotSize, maxSeparation, maxStrongPixelFraction, mask, n,
                    output, shoeboxes, perImageStatistics);
        }
    }
}
