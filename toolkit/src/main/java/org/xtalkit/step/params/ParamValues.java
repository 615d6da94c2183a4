package org.xtalkit.step.params;

import org.xtalkit.XtalException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsed {@code key=value} words for one step, checked against its specs: unknown keys, ambiguous
 * short names and ill-typed values are errors that name the key and what was expected. "Auto" and
 * "None" are kept as words; typed getters return null for them so Params records can decide.
 */
public final class ParamValues {
    private final String step;
    private final List<ParamSpec> specs;
    private final Map<String, String> values = new LinkedHashMap<>();

    private ParamValues(String step, List<ParamSpec> specs) {
        this.step = step;
        this.specs = List.copyOf(specs);
        for (ParamSpec s : specs) values.put(s.name(), s.defaultValue());
    }

    /** Parse words like {@code d_min=2.0} or {@code spotfinder.threshold.algorithm=dispersion}. */
    public static ParamValues parse(String step, List<ParamSpec> specs, String... words) {
        ParamValues pv = new ParamValues(step, specs);
        for (String w : words) {
            if (w == null || w.isBlank()) continue;
            for (String word : w.trim().split("\\s+(?=[A-Za-z_][\\w.]*=)")) pv.set(word);
        }
        return pv;
    }

    private void set(String word) {
        int eq = word.indexOf('=');
        if (eq <= 0)
            throw new XtalException(step + ": expected key=value, got '" + word + "'");
        String key = word.substring(0, eq).trim(), value = word.substring(eq + 1).trim();
        ParamSpec spec = resolve(key);
        check(spec, value);
        values.put(spec.name(), value);
    }

    /**
     * The spec a (possibly shortened) dotted key names: exact, or a dotted suffix — the shallowest
     * one when several match (d_min is spotfinder.filter.d_min, not spotfinder.filter.ice_rings.d_min),
     * ambiguous only when the shallowest are equally deep.
     */
    private ParamSpec resolve(String key) {
        for (ParamSpec s : specs) if (s.name().equals(key)) return s;
        List<ParamSpec> hits = new ArrayList<>();
        int depth = Integer.MAX_VALUE;
        for (ParamSpec s : specs) {
            if (!s.name().endsWith("." + key)) continue;
            int d = s.name().split("\\.").length;
            if (d < depth) { hits.clear(); depth = d; }
            if (d == depth) hits.add(s);
        }
        if (hits.size() == 1) return hits.get(0);
        if (hits.size() > 1)
            throw new XtalException(step + ": parameter '" + key + "' is ambiguous: "
                    + hits.stream().map(ParamSpec::name).toList());
        List<String> close = new ArrayList<>();
        for (ParamSpec s : specs)
            if (s.shortName().contains(key) || key.contains(s.shortName()) || editDistance(s.shortName(), key) <= 2)
                close.add(s.name());
        throw new XtalException(step + ": unknown parameter '" + key + "'"
                + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?")
                + " (xtal " + step + " -c lists them all)");
    }

    private void check(ParamSpec s, String v) {
        if (isUnset(v) && s.type() != ParamType.CHOICE && s.type() != ParamType.STR) return;
        try {
            switch (s.type()) {
                case INT -> Integer.parseInt(v);
                case FLOAT -> Double.parseDouble(v);
                case BOOL -> parseBool(v);
                case INTS -> splitList(v).forEach(Integer::parseInt);
                case FLOATS -> splitList(v).forEach(Double::parseDouble);
                case CHOICE -> {
                    if (!s.choices().contains(v))
                        throw new XtalException(step + ": " + s.name() + "=" + v + " is not allowed; choose one of "
                                + String.join(", ", s.choices()));
                }
                case STR, PATH -> { }
            }
        } catch (NumberFormatException e) {
            throw new XtalException(step + ": " + s.name() + "=" + v + " is not " + article(s.type()) + " " + s.type().philName);
        }
    }

    private String article(ParamType t) { return t == ParamType.INT || t == ParamType.INTS ? "an" : "a"; }

    private static boolean isUnset(String v) {
        return v == null || v.equalsIgnoreCase("None") || v.equalsIgnoreCase("Auto") || v.isEmpty();
    }

    private boolean parseBool(String v) {
        return switch (v.toLowerCase()) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new NumberFormatException();
        };
    }

    private static List<String> splitList(String v) {
        return Arrays.stream(v.split("[,\\s]+")).filter(x -> !x.isEmpty()).toList();
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++)
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }

    // Typed getters by full name. Auto/None -> null (or the given fallback).

    public String raw(String name) {
        if (!values.containsKey(name)) throw new IllegalArgumentException(step + " declares no parameter " + name);
        return values.get(name);
    }

    public boolean isAuto(String name) { return "auto".equalsIgnoreCase(raw(name)); }

    public String str(String name) { String v = raw(name); return isUnset(v) ? null : v; }

    public Integer intOrNull(String name) { String v = raw(name); return isUnset(v) ? null : Integer.parseInt(v); }
    public int getInt(String name) { Integer v = intOrNull(name); if (v == null) throw unset(name); return v; }

    public Double doubleOrNull(String name) { String v = raw(name); return isUnset(v) ? null : Double.parseDouble(v); }
    public double getDouble(String name) { Double v = doubleOrNull(name); if (v == null) throw unset(name); return v; }

    public Boolean boolOrNull(String name) { String v = raw(name); return isUnset(v) ? null : parseBool(v); }
    public boolean getBool(String name) { Boolean v = boolOrNull(name); if (v == null) throw unset(name); return v; }

    public int[] ints(String name) {
        String v = raw(name);
        return isUnset(v) ? null : splitList(v).stream().mapToInt(Integer::parseInt).toArray();
    }

    public double[] doubles(String name) {
        String v = raw(name);
        return isUnset(v) ? null : splitList(v).stream().mapToDouble(Double::parseDouble).toArray();
    }

    private XtalException unset(String name) { return new XtalException(step + ": " + name + " needs a value"); }

    public List<ParamSpec> specs() { return specs; }

    /** The parameters as DIALS' phil prints them with -c: name = default, type, help. */
    public static String describe(String step, List<ParamSpec> specs) {
        StringBuilder sb = new StringBuilder();
        sb.append("Parameters of xtal ").append(step).append(" (name = default  type: help)\n");
        for (ParamSpec s : specs) {
            sb.append("  ").append(s.name()).append(" = ").append(s.defaultValue()).append("  ");
            sb.append(s.type() == ParamType.CHOICE ? String.join("|", s.choices()) : s.type().philName);
            sb.append(": ").append(s.help()).append('\n');
        }
        return sb.toString();
    }

    /** Every value as set (defaults included), for logs. */
    public Map<String, String> asMap() { return java.util.Collections.unmodifiableMap(values); }
}
