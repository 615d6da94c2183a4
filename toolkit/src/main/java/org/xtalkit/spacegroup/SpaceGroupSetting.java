package org.xtalkit.spacegroup;

/**
 * One row of the space-group settings table (CCP4 syminfo.lib, 541 settings of the 230 types): the
 * names a setting goes by and what is known about its reference setting.
 *
 * @param number     ITA space-group number, 1-230
 * @param ccp4       CCP4 number (e.g. 1003 for P 1 1 2; 0 when CCP4 has none)
 * @param hall       Hall symbol (the operators are generated from it)
 * @param xhm        extended Hermann–Mauguin symbol ("P 31 2 1", "R 3 :H")
 * @param ccp4Name   CCP4's name (the MTZ SYMINF name; "H 3" for R 3 :H)
 * @param basisop    change of basis from this setting to the reference setting, x,y,z form
 * @param laueClass  Laue class symbol ("mmm", "-3m1")
 * @param pointGroup point group symbol ("222", "321")
 * @param asuIndex   which of CCP4's ten reciprocal ASUs, in the reference setting (see {@link ReciprocalAsu})
 */
public record SpaceGroupSetting(int number, int ccp4, String hall, String xhm, String ccp4Name, String basisop,
                                String laueClass, String pointGroup, int asuIndex) {
    /** xHM without the ":" extension and, for monoclinic b-unique, without the 1s ("P 1 21 1" -> "P 21"). */
    public String shortName() {
        String s = xhm.contains(":") ? xhm.substring(0, xhm.indexOf(':')).trim() : xhm;
        String[] p = s.split(" ");
        if (p.length == 4 && p[1].equals("1") && p[3].equals("1") && !p[2].equals("1")) return p[0] + " " + p[2];
        return s;
    }
}
