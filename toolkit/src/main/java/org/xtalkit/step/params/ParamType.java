package org.xtalkit.step.params;

/** Value types of step parameters, named as DIALS' phil types. */
public enum ParamType {
    INT("int"), FLOAT("float"), BOOL("bool"), STR("str"), PATH("path"), CHOICE("choice"),
    INTS("ints"), FLOATS("floats");

    public final String philName;

    ParamType(String philName) { this.philName = philName; }
}
