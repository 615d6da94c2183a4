package org.xtalkit.model;

/**
 * A rotation scan, as dxtbx's Scan. Image numbers are 1-based and inclusive; the oscillation
 * start is the angle at the start of the first image of the range.
 *
 * @param firstImage        first image number of the range (1-based)
 * @param lastImage         last image number (inclusive)
 * @param batchOffset       added to image numbers to make MTZ batch numbers
 * @param oscillationStart  φ at the start of firstImage, degrees
 * @param oscillationWidth  φ per image, degrees (0 for stills)
 * @param exposureTimes     per image, s
 * @param epochs            per image, s since the Unix epoch
 */
public record Scan(int firstImage, int lastImage, int batchOffset, double oscillationStart, double oscillationWidth,
                   double[] exposureTimes, double[] epochs) {

    public Scan {
        if (lastImage < firstImage)
            throw new IllegalArgumentException("image range " + firstImage + "," + lastImage + " is empty");
        exposureTimes = exposureTimes.clone();
        epochs = epochs.clone();
    }

    public int numImages() { return lastImage - firstImage + 1; }

    /** φ (degrees) at a frame coordinate z: z = 0 is the start of firstImage (DIALS' xyzobs.px z). */
    public double angleFromFrame(double z) { return oscillationStart + z * oscillationWidth; }

    /** Frame coordinate (0-based, continuous) of an angle in degrees. */
    public double frameFromAngle(double degrees) { return (degrees - oscillationStart) / oscillationWidth; }

    /** φ range covered by the scan, degrees. */
    public double[] oscillationRange() {
        return new double[] {oscillationStart, oscillationStart + numImages() * oscillationWidth};
    }

    public boolean isStill() { return oscillationWidth == 0; }

    /** A sub-range of this scan (image numbers inclusive), keeping per-image arrays aligned. */
    public Scan subRange(int first, int last) {
        if (first < firstImage || last > lastImage || last < first)
            throw new IllegalArgumentException("image_range " + first + "," + last + " is outside the scan "
                    + firstImage + "," + lastImage);
        int a = first - firstImage, b = last - firstImage + 1;
        return new Scan(first, last, batchOffset, oscillationStart + a * oscillationWidth, oscillationWidth,
                java.util.Arrays.copyOfRange(exposureTimes, a, Math.min(b, exposureTimes.length)),
                java.util.Arrays.copyOfRange(epochs, a, Math.min(b, epochs.length)));
    }
}
