package org.xtalkit.model;

import java.util.List;

/**
 * Where an experiment's images live, as the "imageset" entry of a .expt file.
 *
 * @param kind      "ImageSequence" (rotation, template), "ImageSet" (list of paths) or "ImageGrid"
 * @param template  file template with # for digits (sequences), else null
 * @param paths     explicit image files (image sets, or one HDF5 master file), else empty
 * @param single    for HDF5 files: the 0-based frame indices used, else empty
 * @param mask      path of an external mask file or null
 * @param gain      path of an external gain map or null
 * @param pedestal  path of an external pedestal map or null
 * @param dx        path of an x-offset map or null
 * @param dy        path of a y-offset map or null
 * @param paramsJson the "params" object as written by dxtbx (raw JSON, kept for round trips) or null
 */
public record ImageSetRef(String kind, String template, List<String> paths, List<Integer> single,
                          String mask, String gain, String pedestal, String dx, String dy, String paramsJson) {
    public ImageSetRef {
        paths = List.copyOf(paths);
        single = List.copyOf(single);
    }

    public static ImageSetRef sequence(String template) {
        return new ImageSetRef("ImageSequence", template, List.of(), List.of(), null, null, null, null, null, null);
    }

    public static ImageSetRef files(String kind, List<String> paths) {
        return new ImageSetRef(kind, null, paths, List.of(), null, null, null, null, null, null);
    }
}
