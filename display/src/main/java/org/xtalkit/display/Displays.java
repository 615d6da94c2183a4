package org.xtalkit.display;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.display.steps.BravaisDisplay;
import org.xtalkit.display.steps.FindSpotsDisplay;
import org.xtalkit.display.steps.IndexDisplay;
import org.xtalkit.display.steps.IntegrateDisplay;
import org.xtalkit.display.steps.MergeDisplay;
import org.xtalkit.display.steps.RefineDisplay;
import org.xtalkit.display.steps.ScaleDisplay;
import org.xtalkit.display.steps.SymmetryDisplay;
import org.xtalkit.table.ReflectionTable;

/**
 * The renderers: which toolkit value is shown how. The kernel asks here first for every cell
 * value and every display(...) call. A new result type is one more line in {@link #RENDERERS}.
 */
public final class Displays {
    private record Renderer<T>(Class<T> type, Function<T, MimeBundle> render) {
        Optional<MimeBundle> tryRender(Object o) {
            return type.isInstance(o) ? Optional.ofNullable(render.apply(type.cast(o))) : Optional.empty();
        }
    }

    private static final List<Renderer<?>> RENDERERS = List.of(
            new Renderer<>(MimeBundle.class, b -> b),
            new Renderer<>(ReflectionTable.class, ReflectionTableDisplay::bundle),
            new Renderer<>(ExperimentList.class, ExperimentListDisplay::bundle),
            new Renderer<>(Experiment.class, e -> ExperimentListDisplay.bundle(ExperimentList.of(e))),
            new Renderer<>(tech.tablesaw.api.Table.class, TablesawDisplay::bundle),
            new Renderer<>(Chart.class, c -> Charts.bundle(c)),
            new Renderer<>(java.awt.image.BufferedImage.class, Displays::image),
            // step results: a cell ending with a step's call shows what DIALS prints and plots
            new Renderer<>(org.xtalkit.step.SpotResult.class, FindSpotsDisplay::bundle),
            new Renderer<>(org.xtalkit.index.Indexer.Result.class, IndexDisplay::bundle),
            new Renderer<>(org.xtalkit.refine.Refiner.Result.class, r -> RefineDisplay.bundle(
                    new org.xtalkit.step.Refine.Result(r.experiments(), r.reflections(), r))),
            new Renderer<>(org.xtalkit.step.Refine.Result.class, RefineDisplay::bundle),
            new Renderer<>(org.xtalkit.step.Integrate.Result.class, IntegrateDisplay::bundle),
            new Renderer<>(org.xtalkit.step.Symmetry.Result.class, SymmetryDisplay::bundle),
            new Renderer<>(org.xtalkit.scale.Scaler.Result.class, ScaleDisplay::bundle),
            new Renderer<>(org.xtalkit.merge.MergingStatisticsResult.class, MergeDisplay::bundle),
            new Renderer<>(org.xtalkit.display.image.ImageView.class, v -> MimeBundle.png(pngBytes(v.render()), v.toString())),
            new Renderer<>(org.xtalkit.display.image.ReciprocalLatticeView.class, org.xtalkit.display.image.ReciprocalLatticeView::bundle),
            new Renderer<>(List.class, l -> BravaisDisplay.isSettings(l) ? BravaisDisplay.bundleOf(l) : null));

    private Displays() {}

    /** The display of a value, or empty when xtalkit has none for its type. */
    public static Optional<MimeBundle> render(Object value) {
        if (value == null) return Optional.empty();
        for (Renderer<?> r : RENDERERS) {
            Optional<MimeBundle> b = r.tryRender(value);
            if (b.isPresent()) return b;
        }
        return Optional.empty();
    }

    private static MimeBundle image(java.awt.image.BufferedImage img) {
        return MimeBundle.png(pngBytes(img), "[image " + img.getWidth() + "×" + img.getHeight() + "]");
    }

    /** A picture as PNG bytes. */
    public static byte[] pngBytes(java.awt.image.BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode image as PNG", e);
        }
        return out.toByteArray();
    }
}
