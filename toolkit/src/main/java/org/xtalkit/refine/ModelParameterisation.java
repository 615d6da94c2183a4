package org.xtalkit.refine;

/**
 * A model parameterised for refinement: named parameters around an initial state, each of which
 * can be fixed. Subclasses compose the model state from the values and give its analytical
 * derivatives (DIALS' ModelParameterisation). Values are in refinement units (mrad, mm, Å⁻¹ ...)
 * chosen so the parameters have similar scales.
 */
public abstract class ModelParameterisation {
    private final String[] names;
    protected final double[] values;
    private final boolean[] free;

    protected ModelParameterisation(String[] names, double[] initial) {
        this.names = names.clone();
        this.values = initial.clone();
        this.free = new boolean[names.length];
        java.util.Arrays.fill(free, true);
    }

    public int size() { return names.length; }
    public String name(int i) { return names[i]; }
    public double value(int i) { return values[i]; }
    public boolean isFree(int i) { return free[i]; }

    /** Fix a parameter by name (DIALS' fix_list words); unknown names are an error. */
    public void fix(String name) {
        for (int i = 0; i < names.length; i++)
            if (names[i].equalsIgnoreCase(name)) { free[i] = false; return; }
        throw new IllegalArgumentException("no parameter '" + name + "' in " + getClass().getSimpleName()
                + "; parameters: " + String.join(", ", names));
    }

    /** Free a parameter that is fixed by default (e.g. the beam's wavelength). */
    public void release(String name) {
        for (int i = 0; i < names.length; i++)
            if (names[i].equalsIgnoreCase(name)) { free[i] = true; return; }
        throw new IllegalArgumentException("no parameter '" + name + "' in " + getClass().getSimpleName()
                + "; parameters: " + String.join(", ", names));
    }

    /**
     * Fix every parameter whose name matches a DIALS fix_list word, read as a regular expression
     * searched in the name ("Tau" fixes Tau1, Tau2 and Tau3); returns how many it fixed.
     */
    public int fixMatching(String pattern) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(pattern);
        int n = 0;
        for (int i = 0; i < names.length; i++)
            if (p.matcher(names[i]).find()) { free[i] = false; n++; }
        return n;
    }

    public void fixAll() { java.util.Arrays.fill(free, false); }

    public int freeCount() {
        int n = 0;
        for (boolean f : free) if (f) n++;
        return n;
    }

    /** Sets all values and recomposes the state. */
    public final void setValues(double[] v) {
        System.arraycopy(v, 0, values, 0, values.length);
        compose();
    }

    public double[] values() { return values.clone(); }

    /** Recompute the model state and its derivatives from the current values. */
    protected abstract void compose();
}
