package org.xtalkit.symmetry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtalkit.SharedData;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.Symmetry;
import org.xtalkit.step.params.ParamValues;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Developer-only (skipped without DIALS): the installed dials.symmetry on the quartz fixture and
 * ours agree on the best Patterson group, its probability within 0.06, the recommended space group.
 */
class SymmetryDialsParityTest {
    @Test
    void quartzAgreesWithInstalledDials(@TempDir Path dir) throws Exception {
        SharedData.assumeCommand("dials.symmetry");
        Path expt = SharedData.data("quartz_processed/integrated.expt"), refl = SharedData.data("quartz_processed/integrated.refl");
        Process p = new ProcessBuilder(List.of("dials.symmetry", expt.toString(), refl.toString())).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) { p.destroy(); throw new AssertionError("dials.symmetry timed out"); }
        String log = Files.readString(dir.resolve("out.txt"));
        Symmetry.Result ours = Symmetry.run(ExptFile.read(expt), ReflReader.read(refl), ParamValues.parse("symmetry", Symmetry.PARAMETERS), Progress.NONE);
        assertEquals(find(log, "Best solution: (.+)"), ours.laue().best().candidate().patterson());
        assertEquals(Double.parseDouble(find(log, "Laue group probability: ([0-9.]+)")), ours.laue().best().likelihood(), 0.06);
        assertEquals(find(log, "Recommended space group: (.+)"), ours.spaceGroup().xhm());
    }

    private static String find(String log, String regex) {
        Matcher m = Pattern.compile(regex).matcher(log);
        if (!m.find()) throw new AssertionError("dials.symmetry log has no '" + regex + "'");
        return m.group(1).trim();
    }
}
