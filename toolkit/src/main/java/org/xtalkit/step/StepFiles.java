package org.xtalkit.step;

import org.xtalkit.XtalException;

import java.nio.file.Path;
import java.util.List;

/** The (experiments, reflections) pair most steps take on the command line. */
final class StepFiles {
    private StepFiles() {}

    static Path[] exptAndRefl(String step, List<String> inputs, Path workDir, String example) {
        Path expt = null, refl = null;
        for (String in : inputs) {
            if (in.endsWith(".expt") || in.endsWith(".json")) expt = workDir.resolve(in);
            else if (in.endsWith(".refl")) refl = workDir.resolve(in);
            else throw new XtalException(step + ": expected an .expt and a .refl file, got '" + in + "'");
        }
        if (expt == null || refl == null) throw new XtalException(step + ": give an experiment list and a reflection table, e.g. " + example);
        return new Path[] {expt, refl};
    }
}
