package org.xtalkit.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xtalkit.model.Scan;
import org.xtalkit.refine.GaussianSmoother;

/**
 * One experiment's scaling model, DIALS' "physical" or "KB": inverse scale
 * g = C(φ) · exp(B(φ)/(2d²)) · (1 + Σ a_lm Y_lm), with C and B Gaussian-smoothed in rotation
 * (physical) or single values (KB), and the spherical-harmonic absorption surface optional.
 * Parameters are mutable (the refinement sets them); the configuration is fixed at creation.
 */
public final class ScalingModel {
    public enum Kind { PHYSICAL, KB }

    final Kind kind;
    final double[] scale, decay, absorption;
    double[] scaleEsd, decayEsd, absorptionEsd;
    final int lmax;
    final double surfaceWeight, decayRestraint;
    final boolean fixInitial;
    // physical configuration, as DIALS writes it
    final double sNormFac, dNormFac, scaleRotInterval, decayRotInterval;
    final double[] oscRange;
    final int[] imageRange;

    private ScalingModel(Kind kind, int nScale, int nDecay, int lmax, double surfaceWeight, double decayRestraint,
                         double sNormFac, double dNormFac, double scaleRot, double decayRot, double[] oscRange, int[] imageRange) {
        this.kind = kind;
        this.scale = new double[nScale];
        java.util.Arrays.fill(scale, 1.0);
        this.decay = new double[nDecay];
        this.lmax = lmax;
        this.absorption = new double[lmax > 0 ? SphericalHarmonics.count(lmax) : 0];
        this.surfaceWeight = surfaceWeight;
        this.decayRestraint = decayRestraint;
        this.fixInitial = kind == Kind.PHYSICAL;
        this.sNormFac = sNormFac;
        this.dNormFac = dNormFac;
        this.scaleRotInterval = scaleRot;
        this.decayRotInterval = decayRot;
        this.oscRange = oscRange;
        this.imageRange = imageRange;
    }

    /** DIALS' KB model: one scale and one B for the whole experiment. */
    public static ScalingModel kb(Scan scan) {
        int[] range = scan == null ? new int[] {1, 1} : new int[] {scan.firstImage(), scan.lastImage()};
        return new ScalingModel(Kind.KB, 1, 1, 0, 0, 0, 0, 0, 0, 0, null, range);
    }

    /**
     * DIALS' physical model with its auto rules: scale/decay intervals by rotation range
     * (&lt;5°: 1/1.5, &lt;10°: 2/3, &lt;25°: 4/5, &lt;90°: 8/10, else 15/20 degrees); absorption when the
     * sweep exceeds 60° or absorption_level is given (low: lmax 4, weight 5e5; medium: 6, 5e4;
     * high: 6, 5e3).
     */
    public static ScalingModel physical(Scan scan, Double scaleInterval, Double decayInterval, String absorptionLevel,
                                        Boolean absorptionCorrection, double decayRestraint) {
        double[] osc = scan.oscillationRange();
        double width = Math.abs(osc[1] - osc[0]);
        double si, di;
        if (width < 5) { si = 1.0; di = 1.5; }
        else if (width < 10) { si = 2.0; di = 3.0; }
        else if (width < 25) { si = 4.0; di = 5.0; }
        else if (width < 90) { si = 8.0; di = 10.0; }
        else { si = 15.0; di = 20.0; }
        if (scaleInterval != null) si = scaleInterval;
        if (decayInterval != null) di = decayInterval;
        double[] s = smoothInput(osc, scan.oscillationWidth(), si), d = smoothInput(osc, scan.oscillationWidth(), di);
        boolean abs = absorptionCorrection != null ? absorptionCorrection : width > 60;
        int lmax = 0;
        double weight = 0;
        if (abs || absorptionLevel != null) {
            String level = absorptionLevel == null ? "low" : absorptionLevel;
            switch (level) {
                case "high" -> { lmax = 6; weight = 5e3; }
                case "medium" -> { lmax = 6; weight = 5e4; }
                default -> { lmax = 4; weight = 5e5; }
            }
        }
        return new ScalingModel(Kind.PHYSICAL, (int) s[0], (int) d[0], lmax, weight, decayRestraint, s[1], d[1], s[2], d[2],
                osc, new int[] {scan.firstImage(), scan.lastImage()});
    }

    /** DIALS' initialise_smooth_input: {n_param, norm_fac, interval}. */
    static double[] smoothInput(double[] osc, double oneOsc, double interval) {
        interval += 0.00001;
        double range = osc[1] - osc[0], rot;
        int n;
        if (range < 2 * interval) {
            if (range <= interval) { rot = range; n = 2; }
            else { rot = range / 2; n = 3; }
        } else {
            int bins = Math.max((int) (range / interval) + 1, 3);
            rot = range / bins;
            n = bins + 2;
        }
        return new double[] {n, 0.999 * oneOsc / rot, rot};
    }

    /** Smoother over normalised rotation values 0..xmax for n parameters, as DIALS configures it. */
    static GaussianSmoother smoother(int nParams, double xMax) {
        int intervals = nParams == 2 ? 1 : nParams == 3 ? 2 : nParams - 2;
        double end = Math.max(Math.ceil(Math.round(xMax * 1e10) / 1e10), 1);
        return new GaussianSmoother(0, end, intervals);
    }

    /** A model as DIALS wrote it into an .expt (physical or KB), e.g. to apply or continue from it. */
    public static ScalingModel fromJson(String json, Scan scan) {
        com.fasterxml.jackson.databind.JsonNode n;
        try { n = new ObjectMapper().readTree(json); }
        catch (java.io.IOException e) { throw new org.xtalkit.XtalException("scaling_model is not JSON: " + e.getMessage()); }
        String id = n.path("__id__").asText();
        com.fasterxml.jackson.databind.JsonNode c = n.path("configuration_parameters");
        ScalingModel m;
        if (id.equals("KB")) m = kb(scan);
        else if (id.equals("physical")) {
            int lmax = c.path("lmax").asInt(0);
            double[] osc = {c.path("valid_osc_range").path(0).asDouble(), c.path("valid_osc_range").path(1).asDouble()};
            int[] range = {c.path("valid_image_range").path(0).asInt(), c.path("valid_image_range").path(1).asInt()};
            m = new ScalingModel(Kind.PHYSICAL, n.path("scale").path("n_parameters").asInt(), n.path("decay").path("n_parameters").asInt(),
                    lmax, c.path("abs_surface_weight").asDouble(0), 0.1, c.path("s_norm_fac").asDouble(), c.path("d_norm_fac").asDouble(),
                    c.path("scale_rot_interval").asDouble(), c.path("decay_rot_interval").asDouble(), osc, range);
        } else throw new org.xtalkit.XtalException("scaling_model '" + id + "': xtalkit reads the physical and KB models");
        read(n.path("scale").path("parameters"), m.scale);
        read(n.path("decay").path("parameters"), m.decay);
        read(n.path("absorption").path("parameters"), m.absorption);
        return m;
    }

    private static void read(com.fasterxml.jackson.databind.JsonNode a, double[] into) {
        if (a.isMissingNode()) return;
        if (a.size() != into.length) throw new org.xtalkit.XtalException("scaling_model lists " + a.size() + " parameters, expected " + into.length);
        for (int i = 0; i < into.length; i++) into[i] = a.get(i).asDouble();
    }

    public Kind kind() { return kind; }
    public int lmax() { return lmax; }
    public double[] scaleParameters() { return scale.clone(); }
    public double[] decayParameters() { return decay.clone(); }
    public double[] absorptionParameters() { return absorption.clone(); }

    /**
     * The absorption surface 1 + Σ c_lm Y_lm at a unit direction of the crystal frame (incoming and
     * scattered beam both along it), as dials.report draws the surface; 1 without absorption terms.
     */
    public double absorptionAt(double[] unitDirection) {
        if (absorption.length == 0) return 1;
        double[] y = new double[SphericalHarmonics.count(lmax)];
        SphericalHarmonics.terms(lmax, unitDirection, unitDirection, y);
        double a = 1;
        for (int k = 0; k < y.length && k < absorption.length; k++) a += y[k] * absorption[k];
        return a;
    }

    /**
     * The scale term C and the decay term B at frames z (offsets from the first observed frame) of a
     * sweep whose observations span zRange frames, evaluated as scaling applies them (DIALS' report
     * plots these against rotation); a KB model is constant.
     */
    public double[][] scaleAndDecay(double zRange, double[] z) {
        double[] c = new double[z.length], b = new double[z.length];
        if (kind == Kind.KB) {
            java.util.Arrays.fill(c, scale[0]);
            java.util.Arrays.fill(b, decay[0]);
            return new double[][] {c, b};
        }
        GaussianSmoother sm = smoother(scale.length, zRange * sNormFac), dm = smoother(decay.length, zRange * dNormFac);
        for (int i = 0; i < z.length; i++) {
            c[i] = sm.value(z[i] * sNormFac, scale);
            b[i] = dm.value(z[i] * dNormFac, decay);
        }
        return new double[][] {c, b};
    }

    /** Free parameters: scale (without the first when fixed), decay, absorption. */
    int freeCount() { return scale.length - (fixInitial ? 1 : 0) + decay.length + absorption.length; }

    void getFree(double[] p, int off) {
        int k = off;
        for (int i = fixInitial ? 1 : 0; i < scale.length; i++) p[k++] = scale[i];
        for (double v : decay) p[k++] = v;
        for (double v : absorption) p[k++] = v;
    }

    void setFree(double[] p, int off) {
        int k = off;
        for (int i = fixInitial ? 1 : 0; i < scale.length; i++) scale[i] = p[k++];
        for (int i = 0; i < decay.length; i++) decay[i] = p[k++];
        for (int i = 0; i < absorption.length; i++) absorption[i] = p[k++];
    }

    /** Sets esds from the free-parameter esds (the fixed first scale gets 0). */
    void setEsds(double[] esd, int off) {
        scaleEsd = new double[scale.length];
        decayEsd = new double[decay.length];
        absorptionEsd = new double[absorption.length];
        int k = off;
        for (int i = fixInitial ? 1 : 0; i < scale.length; i++) scaleEsd[i] = esd[k++];
        for (int i = 0; i < decay.length; i++) decayEsd[i] = esd[k++];
        for (int i = 0; i < absorption.length; i++) absorptionEsd[i] = esd[k++];
    }

    /** The scaling_model JSON DIALS writes into the .expt (dials.merge and dials.scale read it). */
    public String toJson(double errorA, double errorB, double imid) {
        ObjectMapper om = new ObjectMapper();
        ObjectNode n = om.createObjectNode();
        n.put("__id__", kind == Kind.PHYSICAL ? "physical" : "KB");
        ObjectNode cfg = om.createObjectNode();
        ArrayNode corrections = cfg.putArray("corrections");
        if (kind == Kind.KB) {
            corrections.add("decay").add("scale");
            component(n, "scale", scale, scaleEsd, 1.0);
            component(n, "decay", decay, decayEsd, 0.0);
        } else {
            corrections.add("scale").add("decay");
            component(n, "scale", scale, scaleEsd, 1.0);
            component(n, "decay", decay, decayEsd, 0.0);
            if (absorption.length > 0) {
                corrections.add("absorption");
                component(n, "absorption", absorption, absorptionEsd, 0.0);
            }
            cfg.putArray("valid_osc_range").add(oscRange[0]).add(oscRange[1]);
            cfg.put("s_norm_fac", sNormFac);
            cfg.put("scale_rot_interval", scaleRotInterval);
            cfg.put("d_norm_fac", dNormFac);
            cfg.put("decay_rot_interval", decayRotInterval);
            if (absorption.length > 0) {
                cfg.put("lmax", lmax);
                cfg.put("abs_surface_weight", surfaceWeight);
            }
        }
        cfg.putArray("valid_image_range").add(imageRange[0]).add(imageRange[1]);
        cfg.put("error_model_type", "BasicErrorModel");
        cfg.putArray("error_model_parameters").add(errorA).add(errorB);
        cfg.put("Imid", imid);
        n.set("configuration_parameters", cfg);
        return n.toString();
    }

    private static void component(ObjectNode n, String name, double[] p, double[] esd, double nullValue) {
        ObjectNode c = n.putObject(name);
        c.put("n_parameters", p.length);
        ArrayNode a = c.putArray("parameters");
        for (double v : p) a.add(v);
        c.put("null_parameter_value", nullValue);
        if (esd != null) {
            ArrayNode e = c.putArray("est_standard_devs");
            for (double v : esd) e.add(v);
        }
    }
}
