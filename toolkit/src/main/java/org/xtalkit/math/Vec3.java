package org.xtalkit.math;

/** A 3-vector of doubles, as dxtbx's vec3&lt;double&gt;. Immutable; hot loops use flat double[] instead. */
public record Vec3(double x, double y, double z) {
    public static final Vec3 ZERO = new Vec3(0, 0, 0);

    public static Vec3 of(double[] a) {
        if (a.length != 3) throw new IllegalArgumentException("expected 3 components, got " + a.length);
        return new Vec3(a[0], a[1], a[2]);
    }

    public double[] toArray() { return new double[] {x, y, z}; }
    public Vec3 plus(Vec3 o) { return new Vec3(x + o.x, y + o.y, z + o.z); }
    public Vec3 minus(Vec3 o) { return new Vec3(x - o.x, y - o.y, z - o.z); }
    public Vec3 times(double s) { return new Vec3(x * s, y * s, z * s); }
    public Vec3 negate() { return new Vec3(-x, -y, -z); }
    public double dot(Vec3 o) { return x * o.x + y * o.y + z * o.z; }
    public Vec3 cross(Vec3 o) { return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x); }
    public double length() { return Math.sqrt(dot(this)); }
    public Vec3 normalize() {
        double l = length();
        if (l == 0) throw new ArithmeticException("cannot normalise a zero vector");
        return times(1 / l);
    }
    /** Angle to another vector in radians. */
    public double angle(Vec3 o) {
        double c = dot(o) / (length() * o.length());
        return Math.acos(Math.max(-1, Math.min(1, c)));
    }
    /** Rodrigues rotation of this vector about a unit axis by angle (radians), right-handed. */
    public Vec3 rotateAround(Vec3 axis, double angle) {
        return Mat3.rotation(axis, angle).times(this);
    }
}
