package org.xtalkit.io.image;

import org.xtalkit.XtalException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Linear attenuation coefficients of detector sensor materials from the NIST mass attenuation tables,
 * interpolated log-log between tabulated energies as cctbx.eltbx.attenuation_coefficient does, so
 * that a panel's mu (and hence its parallax correction) equals dxtbx's.
 */
public final class Attenuation {
    /** eV·Å, scitbx::constants::factor_ev_angstrom. */
    public static final double EV_ANGSTROM = 12398.419843320025;

    private record Table(double density, double[] energyMeV, double[] muRho) {}

    private static final Map<String, Table> TABLES = load();

    private Attenuation() {}

    /** True when the material has a table (Si, CdTe, GaAs, ...). */
    public static boolean knows(String material) { return TABLES.containsKey(material); }

    /** Linear attenuation coefficient in mm⁻¹ of the material at the wavelength (Å). */
    public static double muPerMm(String material, double wavelength) {
        Table t = TABLES.get(material);
        if (t == null) throw new XtalException("no attenuation table for sensor material '" + material
                + "' (known: " + String.join(", ", TABLES.keySet()) + ")");
        double e = EV_ANGSTROM / wavelength / 1e6;
        int i = 0;
        while (i < t.energyMeV.length && !(e < t.energyMeV[i])) i++;
        if (i == 0 || i == t.energyMeV.length)
            throw new XtalException("wavelength " + wavelength + " Å is outside the attenuation table of " + material);
        i--;
        double x0 = Math.log(t.energyMeV[i]), x1 = Math.log(t.energyMeV[i + 1]);
        double y0 = Math.log(t.muRho[i]), y1 = Math.log(t.muRho[i + 1]);
        double muRho = Math.exp(y0 + (y1 - y0) * (Math.log(e) - x0) / (x1 - x0));
        return muRho * t.density / 10.0;   // cm^2/g * g/cm^3 = 1/cm -> 1/mm
    }

    private static Map<String, Table> load() {
        Map<String, Table> tables = new HashMap<>();
        try (InputStream in = Attenuation.class.getResourceAsStream("nist_attenuation.txt")) {
            if (in == null) throw new IllegalStateException("nist_attenuation.txt missing from the class path");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String name = null;
            double density = 0;
            List<double[]> rows = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.trim().split("\\s+");
                if (f[0].equals("material")) {
                    if (name != null) tables.put(name, table(density, rows));
                    name = f[1];
                    density = Double.parseDouble(f[2]);
                    rows = new ArrayList<>();
                } else {
                    rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
                }
            }
            if (name != null) tables.put(name, table(density, rows));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read nist_attenuation.txt", e);
        }
        return Map.copyOf(tables);
    }

    private static Table table(double density, List<double[]> rows) {
        double[] e = new double[rows.size()], m = new double[rows.size()];
        for (int i = 0; i < e.length; i++) { e[i] = rows.get(i)[0]; m[i] = rows.get(i)[1]; }
        return new Table(density, e, m);
    }
}
