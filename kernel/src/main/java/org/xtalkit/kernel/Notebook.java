package org.xtalkit.kernel;

import java.util.UUID;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.xtalkit.display.MimeBundle;
import org.xtalkit.display.ProgressBar;

/**
 * What a notebook cell can call (statically imported): show a value now, replace a shown value in
 * place, and a progress bar for a step. Outside a running kernel these are errors.
 */
public final class Notebook {
    private static volatile XtalKernel kernel;

    private Notebook() {}

    static void attach(XtalKernel k) { kernel = k; }

    /** Shows a value below the cell now; returns its display id for {@link #updateDisplay}. */
    public static String display(Object value) {
        XtalKernel k = kernel();
        DisplayData dd = k.render(value);
        String id = UUID.randomUUID().toString();
        dd.setDisplayId(id);
        k.display(dd);
        return id;
    }

    /** Replaces what display(...) showed under this id (in place, e.g. a progress bar or a live plot). */
    public static void updateDisplay(String id, Object value) {
        XtalKernel k = kernel();
        DisplayData dd = k.render(value);
        dd.setDisplayId(id);
        k.getIO().display.updateDisplay(id, dd);
    }

    /** A progress bar for a step, drawn below the cell and updated in place: pass it as the step's Progress. */
    public static ProgressBar progress() {
        return new ProgressBar(new ProgressBar.Sink() {
            private String id;

            @Override public synchronized void show(MimeBundle bundle) {
                if (id == null) id = display(bundle);
                else updateDisplay(id, bundle);
            }
        });
    }

    private static XtalKernel kernel() {
        XtalKernel k = kernel;
        if (k == null) throw new IllegalStateException("display() needs a running xtalkit kernel");
        return k;
    }
}
