package org.xtalkit.model;

import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;

import java.util.List;

/**
 * The goniometer, as dxtbx's Goniometer / MultiAxisGoniometer. The lab position of a crystal
 * vector r at scan angle φ is {@code S · R(axis, φ) · F · r}: F (fixed rotation) carries the axes
 * after the scan axis, S (setting rotation) those before it.
 *
 * <p>A multi-axis goniometer keeps its axes, angles (degrees) and names as read, with
 * {@code scanAxis} the index of the axis that rotates; for a single-axis one these lists are empty.
 */
public record Goniometer(Vec3 rotationAxis, Mat3 fixedRotation, Mat3 settingRotation,
                         List<Vec3> axes, double[] angles, List<String> names, int scanAxis) {

    public Goniometer {
        rotationAxis = rotationAxis.normalize();
        axes = List.copyOf(axes);
        names = List.copyOf(names);
        angles = angles.clone();
    }

    public static Goniometer singleAxis(Vec3 axis) {
        return new Goniometer(axis, Mat3.IDENTITY, Mat3.IDENTITY, List.of(), new double[0], List.of(), 0);
    }

    /**
     * A multi-axis goniometer as dxtbx builds it: axes listed from the crystal outwards
     * (e.g. phi, chi, omega); F composes the axes inside the scan axis, S those outside it.
     */
    public static Goniometer multiAxis(List<Vec3> axes, double[] angles, List<String> names, int scanAxis) {
        Mat3 fixed = Mat3.IDENTITY;
        for (int i = 0; i < scanAxis; i++)
            fixed = Mat3.rotation(axes.get(i), Math.toRadians(angles[i])).times(fixed);
        Mat3 setting = Mat3.IDENTITY;
        for (int i = scanAxis + 1; i < axes.size(); i++)
            setting = Mat3.rotation(axes.get(i), Math.toRadians(angles[i])).times(setting);
        // dxtbx keeps the scan axis in the frame of the setting rotation's starting point
        return new Goniometer(axes.get(scanAxis), fixed, setting, axes, angles, names, scanAxis);
    }

    public boolean isMultiAxis() { return !axes.isEmpty(); }

    /** Rotation axis in the laboratory frame (the setting rotation applied). */
    public Vec3 rotationAxisDatum() { return settingRotation.times(rotationAxis); }

    /** The full rotation S·R(φ)·F at scan angle φ (radians). */
    public Mat3 rotationAt(double phi) {
        return settingRotation.times(Mat3.rotation(rotationAxis, phi)).times(fixedRotation);
    }
}
