package org.xtalkit.lattice;

import org.xtalkit.XtalException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 65 chiral space groups (reference settings) with their Hall symbols and Bravais lattices,
 * enough for indexing with a known space group and for the refine_bravais_settings list. To be
 * joined with the full space-group library when it lands.
 */
public final class SpaceGroups {
    /** One space group: number, symbol as DIALS prints it ("P 21 21 21"), Hall symbol, Bravais lattice ("oP"). */
    public record Entry(int number, String symbol, String hall, String bravais) {
        /** The crystal system implied by the Bravais lattice. */
        public LatticeSystem system() { return LatticeSystem.ofBravais(bravais); }
    }

    private static final List<Entry> ENTRIES = load();

    private SpaceGroups() {}

    public static List<Entry> all() { return ENTRIES; }

    /** Chiral space groups of one Bravais lattice, in number order. */
    public static List<Entry> forBravais(String bravais) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : ENTRIES) if (e.bravais.equals(bravais)) out.add(e);
        return out;
    }

    /** The space group a user typed: "I213", "I 21 3", "P2", "P 1 21 1", "P3121", "R32", "H3", or a number. */
    public static Entry lookup(String symbol) {
        String key = normalise(symbol);
        for (Entry e : ENTRIES) {
            if (key.equals(String.valueOf(e.number)) || key.equals(normalise(e.symbol)) || key.equals(shortForm(e.symbol)))
                return e;
        }
        // any other group (centrosymmetric, other settings) from the space-group library
        org.xtalkit.spacegroup.SpaceGroup sg;
        try {
            sg = org.xtalkit.spacegroup.SpaceGroup.of(symbol);
        } catch (RuntimeException ex) {
            throw new XtalException("space_group=" + symbol + ": unknown space group "
                    + "(give a Hermann-Mauguin symbol such as P212121, I213, P3121 or a number)");
        }
        return new Entry(sg.number(), sg.xhm(), " " + sg.hall().trim(), bravaisOf(sg.number(), sg.centringType()));
    }

    /** The lowest-symmetry group of a Bravais lattice, as DIALS attaches to each refined setting. */
    public static Entry lowestSymmetry(String bravais) {
        return forBravais(bravais).get(0);
    }

    /** The Bravais lattice of a space group from its number and centring letter (reference settings). */
    static String bravaisOf(int number, char centring) {
        char c = Character.toUpperCase(centring);
        if (number <= 2) return "aP";
        if (number <= 15) return c == 'P' ? "mP" : "mC";
        if (number <= 74) return "o" + (c == 'A' || c == 'B' ? 'C' : c);
        if (number <= 142) return "t" + c;
        if (number <= 167) return c == 'R' ? "hR" : "hP";
        if (number <= 194) return "hP";
        return "c" + c;
    }

    private static String normalise(String s) {
        String t = s.replace(" ", "").replace("_", "").toUpperCase();
        if (t.startsWith("H")) t = "R" + t.substring(1);
        return t.replace(":H", "");
    }

    /** "P 1 21 1" -> "P21", "R 3 :H" -> "R3". */
    private static String shortForm(String symbol) {
        String[] p = symbol.replace(":H", "").trim().split("\\s+");
        if (p.length == 4 && p[1].equals("1") && p[3].equals("1")) return (p[0] + p[2]).toUpperCase();
        return String.join("", p).toUpperCase();
    }

    private static List<Entry> load() {
        var in = SpaceGroups.class.getResourceAsStream("chiral_space_groups.tsv");
        if (in == null) throw new IllegalStateException("chiral_space_groups.tsv missing from the toolkit jar");
        List<Entry> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.split("\t");
                out.add(new Entry(Integer.parseInt(f[0]), f[1], " " + f[2], f[3]));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(out);
    }

    /** Bravais lattice -> chiral space-group symbols, as refine_bravais_settings lists them. */
    public static Map<String, List<String>> chiralSymbolsByBravais() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Entry e : ENTRIES) m.computeIfAbsent(e.bravais, k -> new ArrayList<>()).add(e.symbol);
        return m;
    }
}
