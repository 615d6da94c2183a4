package org.xtalkit.display.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.xtalkit.XtalException;
import org.xtalkit.io.AtomicWrite;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.StepCommand;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamType;
import org.xtalkit.step.params.ParamValues;

/**
 * {@code xtal report scaled.expt scaled.refl} (or a processing folder, or nothing for the current
 * one): report.html with the sections of dials.report that the folder's files can fill. It lives in
 * display (it draws the plots) and registers like every step, so xtal process finds it.
 */
public final class ReportCommand implements StepCommand {
    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.of("output.html", ParamType.PATH, "report.html", "the report file"));

    @Override public String name() { return "report"; }
    @Override public String summary() { return "report.html: spot finding, indexing, refinement, integration, scaling and merging plots and tables"; }
    @Override public List<ParamSpec> parameters() { return PARAMETERS; }

    @Override public void run(List<String> inputs, ParamValues values, Path workDir, Progress progress) {
        Path dir = folder(inputs, workDir);
        List<Report.Section> sections = Report.sections(dir, progress);
        if (sections.isEmpty())
            throw new XtalException("report: no processing files in " + dir + " (expected DIALS' names: imported.expt + strong.refl, "
                    + "indexed.*, refined.*, integrated.*, scaled.*)");
        Path out = workDir.resolve(values.str("output.html"));
        String title = "xtalkit report: " + dir.toAbsolutePath().normalize().getFileName();
        AtomicWrite.write(out, Report.html(title, sections).getBytes(StandardCharsets.UTF_8));
        progress.log("Sections: " + String.join(", ", sections.stream().map(Report.Section::title).toList()));
        progress.log("Saved the report to " + out);
    }

    /** The folder holding the files: the one given, the folder of the first file given, or the working folder. */
    static Path folder(List<String> inputs, Path workDir) {
        if (inputs.isEmpty()) return workDir;
        Path first = workDir.resolve(inputs.get(0));
        if (Files.isDirectory(first)) return first;
        if (!Files.isRegularFile(first))
            throw new XtalException("report: '" + inputs.get(0) + "' is neither a file nor a folder (usage: xtal report scaled.expt scaled.refl, or a folder)");
        for (String in : inputs)
            if (!in.endsWith(".expt") && !in.endsWith(".refl") && !in.endsWith(".json"))
                throw new XtalException("report: expected .expt and .refl files or a folder, got '" + in + "'");
        Path parent = first.toAbsolutePath().getParent();
        return parent == null ? workDir : parent;
    }
}
