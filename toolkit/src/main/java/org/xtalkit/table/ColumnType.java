package org.xtalkit.table;

/**
 * The column types of a DIALS reflection table, with the type names the .refl file uses and
 * the number of primitive elements per row.
 */
public enum ColumnType {
    INT("int", 1),
    DOUBLE("double", 1),
    BOOL("bool", 1),
    SIZE_T("std::size_t", 1),
    VEC2("vec2<double>", 2),
    VEC3("vec3<double>", 3),
    MAT3("mat3<double>", 9),
    INT6("int6", 6),
    MILLER("cctbx::miller::index<>", 3),
    STRING("std::string", 1),
    SHOEBOX("Shoebox<>", 1);

    public final String dialsName;
    public final int width;

    ColumnType(String dialsName, int width) {
        this.dialsName = dialsName;
        this.width = width;
    }

    public static ColumnType fromDialsName(String name) {
        for (ColumnType t : values()) if (t.dialsName.equals(name)) return t;
        return null;
    }
}
