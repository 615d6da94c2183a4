package org.xtalkit.io.image.nexus;

import java.util.Locale;

/** The NeXus units xtalkit meets, as factors to mm, degrees, Å and seconds. */
final class NxUnits {
    private NxUnits() {}

    /** Factor from {@code unit} to millimetres (mm when the unit is missing). */
    static double toMm(String unit, String where) {
        return switch (norm(unit)) {
            case "", "mm", "millimeter", "millimetre", "millimeters", "millimetres" -> 1;
            case "m", "meter", "metre", "meters", "metres" -> 1000;
            case "cm" -> 10;
            case "um", "µm", "micron", "microns", "micrometer", "micrometre" -> 1e-3;
            case "nm" -> 1e-6;
            case "a", "angstrom", "angstroms", "å" -> 1e-7;
            default -> throw new IllegalArgumentException(where + ": unknown length unit '" + unit + "'");
        };
    }

    /** Factor from {@code unit} to degrees (degrees when missing). */
    static double toDegrees(String unit, String where) {
        return switch (norm(unit)) {
            case "", "deg", "degree", "degrees" -> 1;
            case "rad", "radian", "radians" -> Math.toDegrees(1);
            default -> throw new IllegalArgumentException(where + ": unknown angle unit '" + unit + "'");
        };
    }

    /** Factor from {@code unit} to ångström (Å when missing). */
    static double toAngstrom(String unit, String where) {
        return switch (norm(unit)) {
            case "", "a", "angstrom", "angstroms", "å" -> 1;
            case "nm" -> 10;
            case "m", "meter", "metre" -> 1e10;
            default -> throw new IllegalArgumentException(where + ": unknown wavelength unit '" + unit + "'");
        };
    }

    /** Factor from {@code unit} to seconds (seconds when missing). */
    static double toSeconds(String unit, String where) {
        return switch (norm(unit)) {
            case "", "s", "sec", "second", "seconds" -> 1;
            case "ms" -> 1e-3;
            case "us", "µs" -> 1e-6;
            default -> throw new IllegalArgumentException(where + ": unknown time unit '" + unit + "'");
        };
    }

    private static String norm(String unit) {
        return unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
    }
}
