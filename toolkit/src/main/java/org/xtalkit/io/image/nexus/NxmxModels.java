package org.xtalkit.io.image.nexus;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import org.xtalkit.io.image.Attenuation;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Goniometer;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The experimental models of an NXmx file, as dxtbx.nexus builds them (dxtbx 3.12): McStas axes
 * turned into the imgCIF frame by diag(-1, 1, -1), the detector origin from the module's
 * depends_on chain, trusted range (underload - 1, saturation), the scan from the first varying
 * rotation axis of the sample's chain and exposure times from frame_time.
 *
 * @param entry      the NXentry group
 * @param detector   the NXdetector group
 * @param modules    the NXdetector_module groups, one panel each
 * @param beamModel  the beam
 * @param detectorModel the detector
 * @param goniometer the goniometer, or null without a sample depends_on
 * @param scan       the scan over every frame the sample axes list, or null
 * @param bitDepthReadout bit_depth_readout, or 0 when absent
 */
record NxmxModels(Group entry, Group detector, List<Group> modules, Beam beamModel, Detector detectorModel,
                  Goniometer goniometer, Scan scan, int bitDepthReadout) {

    private static final Map<String, String> MATERIALS = Map.of("Si", "Si", "Silicon", "Si", "CdTe", "CdTe", "GaAs", "GaAs");

    static Vec3 toImgCif(Vec3 v) { return new Vec3(-v.x(), v.y(), -v.z()); }

    /** The NXmx entry of a file: the first NXentry holding an NXinstrument with an NXdetector, or null. */
    static Group findEntry(HdfFile file) {
        for (Node n : file.getChildren().values()) {
            if (!(NxTree.target(n) instanceof Group g) || !"NXentry".equals(NxTree.attrString(g, "NX_class"))) continue;
            Group inst = NxTree.child(g, "NXinstrument");
            if (inst != null && NxTree.child(inst, "NXdetector") != null) return g;
        }
        return null;
    }

    static NxmxModels read(Group entry) {
        Group instrument = required(NxTree.child(entry, "NXinstrument"), entry, "an NXinstrument group");
        Group detector = required(NxTree.child(instrument, "NXdetector"), instrument, "an NXdetector group");
        Group sample = NxTree.child(entry, "NXsample");
        Group nxBeam = NxTree.child(instrument, "NXbeam");
        if (nxBeam == null && sample != null) nxBeam = NxTree.child(sample, "NXbeam");
        required(nxBeam, instrument, "an NXbeam group");
        Dataset wl = required(NxTree.dataset(nxBeam, "incident_wavelength"), nxBeam, "incident_wavelength");
        double wavelength = NxTree.scalar(wl) * NxUnits.toAngstrom(NxTree.attrString(wl, "units"), wl.getPath());
        Beam beam = Beam.simple(wavelength);

        List<Group> modules = new ArrayList<>();
        for (Node n : detector.getChildren().values())
            if (NxTree.target(n) instanceof Group g && "NXdetector_module".equals(NxTree.attrString(g, "NX_class"))) modules.add(g);
        if (modules.isEmpty()) throw new IllegalArgumentException(path(detector) + " has no NXdetector_module");
        List<Panel> panels = new ArrayList<>();
        for (Group m : modules) panels.add(panel(detector, m, wavelength));
        Detector detectorModel = modules.size() == 1 ? new Detector(panels) : DetectorHierarchy.of(modules, panels);

        NxTransformation sampleAxis = null;
        if (sample != null && NxTree.dataset(sample, "depends_on") != null
                && NxTree.resolve(sample, NxTree.string(NxTree.dataset(sample, "depends_on"))) instanceof Dataset d)
            sampleAxis = NxTransformation.read(d);
        Goniometer gonio = sampleAxis == null ? null : goniometer(sampleAxis);
        Scan scan = sampleAxis == null ? null : scan(sampleAxis, detector);
        Dataset bits = NxTree.dataset(detector, "bit_depth_readout");
        return new NxmxModels(entry, detector, modules, beam, detectorModel, gonio, scan,
                bits == null ? 0 : (int) NxTree.scalar(bits));
    }

    private static Panel panel(Group detector, Group module, double wavelength) {
        Dataset fastD = required(NxTree.dataset(module, "fast_pixel_direction"), module, "fast_pixel_direction");
        Dataset slowD = required(NxTree.dataset(module, "slow_pixel_direction"), module, "slow_pixel_direction");
        NxTransformation fast = NxTransformation.read(fastD), slow = NxTransformation.read(slowD);
        // rotations in the chain turn the pixel directions; everything in it places the origin
        Vec3 fastAxis = toImgCif(rotationOf(fast.dependsOn()).times(fast.vector()));
        Vec3 slowAxis = toImgCif(rotationOf(slow.dependsOn()).times(slow.vector()));
        Vec3 origin = fast.dependsOn() == null ? Vec3.ZERO
                : toImgCif(NxTransformation.cumulative(fast.dependsOn().chain(), 0).t());
        double psFast = fast.value(0), psSlow = slow.value(0);
        Dataset bx = NxTree.dataset(detector, "beam_center_x"), by = NxTree.dataset(detector, "beam_center_y");
        if (origin.x() == 0 && origin.y() == 0 && bx != null && by != null) {
            // old Dectris filewriter files: no module offset, the beam centre (pixels) places the panel
            origin = origin.minus(fastAxis.times(NxTree.scalar(bx) * psFast)).minus(slowAxis.times(NxTree.scalar(by) * psSlow));
        }
        double[] size = NxTree.doubles(required(NxTree.dataset(module, "data_size"), module, "data_size"));
        int nFast = (int) size[size.length - 1], nSlow = (int) size[size.length - 2];
        Dataset under = NxTree.dataset(detector, "underload_value"), sat = NxTree.dataset(detector, "saturation_value");
        double trustedMin = under != null ? NxTree.scalar(under) - 1 : -0x7FFFFFFF;
        double trustedMax = sat != null ? NxTree.scalar(sat) : 0x7FFFFFFF;
        Dataset matD = required(NxTree.dataset(detector, "sensor_material"), detector, "sensor_material");
        String material = MATERIALS.get(NxTree.string(matD));
        if (material == null)
            throw new IllegalArgumentException(matD.getPath() + ": unknown sensor material '" + NxTree.string(matD)
                    + "' (expected one of " + MATERIALS.keySet() + ")");
        Dataset th = required(NxTree.dataset(detector, "sensor_thickness"), detector, "sensor_thickness");
        double thickness = NxTree.scalar(th) * NxUnits.toMm(NxTree.attrString(th, "units"), th.getPath());
        return new Panel(path(module), "SENSOR_PAD", fastAxis, slowAxis, origin, new int[] {0, 0}, nFast, nSlow,
                psFast, psSlow, trustedMin, trustedMax, thickness, material, Attenuation.muPerMm(material, wavelength), "",
                List.of(), 1.0, 0.0, true, null);
    }

    /** The product of the rotations in a chain (translations left out), at the first frame. */
    private static Mat3 rotationOf(NxTransformation start) {
        if (start == null) return Mat3.IDENTITY;
        List<NxTransformation> rotations = start.chain().stream().filter(NxTransformation::isRotation).toList();
        return NxTransformation.cumulative(rotations, 0).r();
    }

    private static Goniometer goniometer(NxTransformation sampleAxis) {
        List<NxTransformation> rot = sampleAxis.chain().stream().filter(NxTransformation::isRotation).toList();
        if (rot.isEmpty()) return null;
        if (rot.size() == 1) return Goniometer.singleAxis(toImgCif(rot.get(0).vector()));
        List<Vec3> axes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        double[] angles = new double[rot.size()];
        int scanAxis = 0;
        for (int i = 0; i < rot.size(); i++) {
            axes.add(toImgCif(rot.get(i).vector()));
            angles[i] = rot.get(i).value(0);
            names.add(rot.get(i).name());
            if (rot.get(i).varies()) scanAxis = i;
        }
        return Goniometer.multiAxis(axes, angles, names, scanAxis);
    }

    private static Scan scan(NxTransformation sampleAxis, Group detector) {
        List<NxTransformation> chain = sampleAxis.chain();
        NxTransformation axis = chain.stream().filter(t -> t.isRotation() && t.values().length > 1 && t.varies()).findFirst()
                .orElse(chain.stream().filter(t -> t.values().length > 1 && t.varies()).findFirst().orElse(sampleAxis));
        int n = Math.max(1, axis.values().length);
        double start = axis.isRotation() ? axis.value(0) : 0;
        double width = axis.isRotation() && n > 1 ? axis.value(1) - axis.value(0) : 0;
        double[] exposure = new double[n], epochs = new double[n];
        Dataset ft = NxTree.dataset(detector, "frame_time");
        if (ft != null) {
            double t = NxTree.scalar(ft) * NxUnits.toSeconds(NxTree.attrString(ft, "units"), ft.getPath());
            for (int i = 0; i < n; i++) { exposure[i] = t; epochs[i] = i * t; }
        }
        return new Scan(1, n, 0, start, width, exposure, epochs);
    }

    static String path(Node n) { return NxTransformation.stripSlash(n.getPath()); }

    private static <T> T required(T value, Node where, String what) {
        if (value == null) throw new IllegalArgumentException(path(where) + " has no " + what);
        return value;
    }
}
