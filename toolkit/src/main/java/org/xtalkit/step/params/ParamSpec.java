package org.xtalkit.step.params;

import java.util.List;

/**
 * One parameter a step accepts: its DIALS-style dotted name, type, default and help, declared in
 * the step that owns it so that {@code xtal <step> -c} prints them from the same place.
 *
 * @param name         dotted name (e.g. "spotfinder.filter.min_spot_size"); the last part alone is accepted too
 * @param type         what values it takes
 * @param defaultValue the default as the user would type it ("Auto", "None", "3,3", "False")
 * @param help         one line of help
 * @param choices      allowed words for CHOICE, else empty
 */
public record ParamSpec(String name, ParamType type, String defaultValue, String help, List<String> choices) {

    public ParamSpec {
        choices = List.copyOf(choices);
    }

    public static ParamSpec of(String name, ParamType type, String defaultValue, String help) {
        return new ParamSpec(name, type, defaultValue, help, List.of());
    }

    public static ParamSpec choice(String name, String defaultValue, String help, String... choices) {
        return new ParamSpec(name, ParamType.CHOICE, defaultValue, help, List.of(choices));
    }

    /** The last part of the dotted name. */
    public String shortName() {
        int i = name.lastIndexOf('.');
        return i < 0 ? name : name.substring(i + 1);
    }
}
