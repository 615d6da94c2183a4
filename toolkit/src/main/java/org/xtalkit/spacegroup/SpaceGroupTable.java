package org.xtalkit.spacegroup;

import org.xtalkit.XtalException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The settings table (resource spacegroups.tsv, from CCP4's syminfo.lib), loaded once; immutable. */
final class SpaceGroupTable {
    private SpaceGroupTable() {}

    /** The ten CCP4 reciprocal ASUs as syminfo writes them (index = ReciprocalAsu index). */
    static final List<String> ASU_CONDITIONS = List.of(
            "l>0 or (l==0 and (h>0 or (h==0 and k>=0)))",
            "k>=0 and (l>0 or (l=0 and h>=0))",
            "h>=0 and k>=0 and l>=0",
            "l>=0 and ((h>=0 and k>0) or (h=0 and k=0))",
            "h>=k and k>=0 and l>=0",
            "(h>=0 and k>0) or (h=0 and k=0 and l>=0)",
            "h>=k and k>=0 and (k>0 or l>=0)",
            "h>=k and k>=0 and (h>k or l>=0)",
            "h>=0 and ((l>=h and k>h) or (l=h and k=h))",
            "k>=l and l>=h and h>=0");

    static final List<SpaceGroupSetting> SETTINGS = load();
    /** Lookup by normalised name: Hall symbol, xHM, CCP4 name, short name. First setting wins. */
    static final Map<String, SpaceGroupSetting> BY_NAME = index();

    static String key(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toCharArray()) if (!Character.isWhitespace(c) && c != '_') sb.append(Character.toUpperCase(c));
        return sb.toString();
    }

    /** Hall symbols keep their spaces (" P 3 2" is not " P 32"): only runs of blanks are collapsed. */
    static String hallKey(String hall) { return "HALL:" + hall.trim().replaceAll("\\s+", " ").toUpperCase(); }

    private static List<SpaceGroupSetting> load() {
        List<SpaceGroupSetting> out = new ArrayList<>();
        try (InputStream in = SpaceGroupTable.class.getResourceAsStream("spacegroups.tsv")) {
            if (in == null) throw new XtalException("resource org/xtalkit/spacegroup/spacegroups.tsv is missing from the toolkit jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.split("\t", -1);
                int asu = ASU_CONDITIONS.indexOf(f[8]);
                if (f.length != 9 || asu < 0) throw new XtalException("spacegroups.tsv: bad line '" + line + "'");
                out.add(new SpaceGroupSetting(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2], f[3], f[4], f[5], f[6], f[7], asu));
            }
        } catch (IOException e) {
            throw new XtalException("cannot read spacegroups.tsv: " + e.getMessage(), e);
        }
        return Collections.unmodifiableList(out);
    }

    private static Map<String, SpaceGroupSetting> index() {
        Map<String, SpaceGroupSetting> m = new HashMap<>();
        for (SpaceGroupSetting s : SETTINGS) m.putIfAbsent(hallKey(s.hall()), s);
        for (SpaceGroupSetting s : SETTINGS) m.putIfAbsent(key(s.xhm()), s);
        // cctbx/DIALS read "R 3" as the hexagonal setting, so short names come before CCP4's ("R 3" = R 3 :R)
        for (SpaceGroupSetting s : SETTINGS) m.putIfAbsent(key(s.shortName()), s);
        for (SpaceGroupSetting s : SETTINGS) m.putIfAbsent(key(s.ccp4Name()), s);
        return Collections.unmodifiableMap(m);
    }

    /** The reference (first listed) setting of an ITA number. */
    static SpaceGroupSetting reference(int number) {
        for (SpaceGroupSetting s : SETTINGS) if (s.number() == number) return s;
        throw new XtalException("space group number " + number + " is not in 1..230");
    }
}
