package org.xtalkit.spots;

/**
 * The text histogram of spots per image that dials.find_spots prints
 * (dials.util.ascii_art.flex_histogram, 60 columns by 10 rows), from the spots' z centroids.
 */
public final class SpotHistogram {
    private SpotHistogram() {}

    public static String render(double[] zIn) {
        int n = zIn.length;
        if (n == 0) return "\n";
        double minZ = Double.POSITIVE_INFINITY, maxZ = Double.NEGATIVE_INFINITY;
        for (double v : zIn) { minZ = Math.min(minZ, v); maxZ = Math.max(maxZ, v); }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) z[i] = zIn[i] + ((i % 2) / 2.0 - 0.25); // DIALS' jitter
        long xmin = (long) Math.ceil(minZ), xmax = (long) Math.ceil(maxZ);
        long imageCount = xmax - xmin + 1;
        if (imageCount <= 1) return n + " spots found on 1 image";
        int width = (int) Math.min(imageCount, 60), height = 10;
        double step = (maxZ - minZ) / width;
        double[] counts = new double[width];
        int seen = 0;
        double bound = minZ;
        for (int i = 1; i < width; i++) {
            bound = minZ + i * step;
            int c = 0;
            for (double v : z) if (v < bound) c++;
            counts[i - 1] = c - seen;
            seen = c;
        }
        int last = 0;
        for (double v : z) if (v >= bound) last++;
        counts[width - 1] = last;
        double max = 0, total = 0;
        for (double c : counts) { max = Math.max(max, c); total += c; }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%d spots found on %d images (max %d / bin)", (long) total, imageCount, (long) max));
        long[] scaled = new long[width];
        for (int i = 0; i < width; i++) scaled[i] = Math.round(counts[i] * height / max);
        for (int row = height; row > 0; row--) {
            sb.append('\n');
            for (long c : scaled) sb.append(c > row - 1 ? '*' : ' ');
        }
        String a = Long.toString(xmin), b = Long.toString(xmax);
        int padding = width - a.length() - b.length();
        sb.append('\n').append(a);
        if (padding > 0) sb.append(center(padding < 7 ? " " : "image", padding));
        sb.append(b);
        return sb.toString();
    }

    /** Python's str.center. */
    static String center(String s, int width) {
        int marg = width - s.length();
        if (marg <= 0) return s;
        int left = marg / 2 + (marg & width & 1);
        return " ".repeat(left) + s + " ".repeat(marg - left);
    }
}
