package org.xtalkit.model;

/**
 * One experiment: a sweep (or still) of one crystal, as dxtbx's Experiment. Any model may be
 * null (imported experiments have no crystal; stills have no goniometer or scan).
 *
 * @param identifier        unique id linking the experiment to reflection-table rows
 * @param beam              the beam
 * @param detector          the detector
 * @param goniometer        the goniometer or null
 * @param scan              the scan or null
 * @param crystal           the crystal or null
 * @param imageSet          where the images are, or null
 * @param profileJson       the profile model as dxtbx writes it (raw JSON), or null
 * @param scalingModelJson  the scaling model as DIALS writes it (raw JSON), or null
 */
public record Experiment(String identifier, Beam beam, Detector detector, Goniometer goniometer, Scan scan,
                         Crystal crystal, ImageSetRef imageSet, String profileJson, String scalingModelJson) {

    public Experiment withCrystal(Crystal c) {
        return new Experiment(identifier, beam, detector, goniometer, scan, c, imageSet, profileJson, scalingModelJson);
    }

    public Experiment withBeam(Beam b) {
        return new Experiment(identifier, b, detector, goniometer, scan, crystal, imageSet, profileJson, scalingModelJson);
    }

    public Experiment withDetector(Detector d) {
        return new Experiment(identifier, beam, d, goniometer, scan, crystal, imageSet, profileJson, scalingModelJson);
    }

    public Experiment withGoniometer(Goniometer g) {
        return new Experiment(identifier, beam, detector, g, scan, crystal, imageSet, profileJson, scalingModelJson);
    }

    public Experiment withScan(Scan s) {
        return new Experiment(identifier, beam, detector, goniometer, s, crystal, imageSet, profileJson, scalingModelJson);
    }

    public Experiment withScalingModel(String json) {
        return new Experiment(identifier, beam, detector, goniometer, scan, crystal, imageSet, profileJson, json);
    }

    public Experiment withProfile(String json) {
        return new Experiment(identifier, beam, detector, goniometer, scan, crystal, imageSet, json, scalingModelJson);
    }
}
