package org.xtalkit.spacegroup;

import org.xtalkit.XtalException;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Hall symbol (Hall 1981, Acta Cryst. A37, 517; as tabulated in International Tables B
 * §1.4 and used by cctbx/CCP4): lattice symbol with optional '-' for a centre of symmetry, one to
 * four matrix symbols N[screw][axis][translations], optional change of basis "(x,y,z+1/6)" or
 * "(0 0 1)" (twelfths). The result is the generators and the centring vectors, in the setting the
 * symbol describes; {@link SpaceGroup} closes them into the group.
 *
 * @param generators matrix-symbol operators then, when centrosymmetric, the inversion
 * @param centring   lattice translations (the first is 0,0,0)
 */
public record HallSymbol(String symbol, List<SymOp> generators, List<SymOp> centring) {
    private static final int H = SymOp.DEN / 2, Q = SymOp.DEN / 4, T1 = SymOp.DEN / 3, T2 = 2 * SymOp.DEN / 3;

    public HallSymbol {
        generators = List.copyOf(generators);
        centring = List.copyOf(centring);
    }

    public static HallSymbol parse(String symbol) {
        String s = symbol.trim();
        String cob = null;
        int paren = s.indexOf('(');
        if (paren >= 0) {
            if (!s.endsWith(")")) throw bad(symbol, "change of basis must end with ')'");
            cob = s.substring(paren + 1, s.length() - 1).trim();
            s = s.substring(0, paren).trim();
        }
        if (s.isEmpty()) throw bad(symbol, "empty symbol");
        boolean centric = s.charAt(0) == '-';
        if (centric) s = s.substring(1).trim();
        if (s.isEmpty()) throw bad(symbol, "missing lattice symbol");
        List<SymOp> centring = lattice(Character.toUpperCase(s.charAt(0)), symbol);
        String[] tokens = s.substring(1).trim().split("\\s+");
        List<SymOp> gens = new ArrayList<>();
        int prevN = 0;
        char prevAxis = 'z';
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].isEmpty()) continue;
            MatrixSymbol m = MatrixSymbol.read(tokens[i], i, prevN, prevAxis, symbol);
            gens.add(m.op);
            prevN = m.n;
            if (m.axis == 'x' || m.axis == 'y' || m.axis == 'z') prevAxis = m.axis;
        }
        if (centric) gens.add(SymOp.IDENTITY.negated());
        if (cob != null) {
            SymOp v = changeOfBasis(cob, symbol);
            SymOp vi = v.inverse();
            gens.replaceAll(g -> v.times(g).times(vi).wrapped());
            centring.replaceAll(c -> v.times(c).times(vi).wrapped());
        }
        return new HallSymbol(symbol, gens, centring);
    }

    private static SymOp changeOfBasis(String cob, String symbol) {
        if (cob.contains(",")) return SymOp.parseXyz(cob);
        String[] v = cob.split("\\s+");
        if (v.length != 3) throw bad(symbol, "change of basis '(" + cob + ")' is neither x,y,z nor three twelfths");
        int[] t = new int[3];
        for (int i = 0; i < 3; i++) {
            try { t[i] = Integer.parseInt(v[i]) * SymOp.DEN / 12; }
            catch (NumberFormatException e) { throw bad(symbol, "origin shift '" + v[i] + "' is not an integer"); }
        }
        return new SymOp(SymOp.IDENTITY.rot(), t);
    }

    private static List<SymOp> lattice(char c, String symbol) {
        int[][] t = switch (c) {
            case 'P' -> new int[][] {};
            case 'A' -> new int[][] {{0, H, H}};
            case 'B' -> new int[][] {{H, 0, H}};
            case 'C' -> new int[][] {{H, H, 0}};
            case 'I' -> new int[][] {{H, H, H}};
            case 'R' -> new int[][] {{T2, T1, T1}, {T1, T2, T2}};
            case 'S' -> new int[][] {{T1, T1, T2}, {T2, T2, T1}};
            case 'T' -> new int[][] {{T1, T2, T1}, {T2, T1, T2}};
            case 'F' -> new int[][] {{0, H, H}, {H, 0, H}, {H, H, 0}};
            default -> throw bad(symbol, "unknown lattice symbol '" + c + "' (expected P A B C I R S T F)");
        };
        List<SymOp> out = new ArrayList<>();
        out.add(SymOp.IDENTITY);
        for (int[] v : t) out.add(new SymOp(SymOp.IDENTITY.rot(), v));
        return out;
    }

    static XtalException bad(String symbol, String why) {
        return new XtalException("Hall symbol '" + symbol + "': " + why);
    }

    /** One matrix symbol such as 2, -2, 31, 2", 3*, 4vw, -1d, 2xb. */
    private record MatrixSymbol(int n, char axis, SymOp op) {

        static MatrixSymbol read(String tok, int index, int prevN, char prevAxis, String symbol) {
            int i = 0;
            boolean improper = tok.charAt(0) == '-';
            if (improper) i++;
            if (i >= tok.length() || "12346".indexOf(tok.charAt(i)) < 0) throw bad(symbol, "matrix symbol '" + tok + "' must start with 1, 2, 3, 4 or 6");
            int n = tok.charAt(i++) - '0';
            int screw = 0;
            if (i < tok.length() && Character.isDigit(tok.charAt(i))) screw = tok.charAt(i++) - '0';
            char axis = 0;
            int[] t = new int[3];
            for (; i < tok.length(); i++) {
                char c = tok.charAt(i);
                switch (c) {
                    case 'x', 'y', 'z', '\'', '"', '*' -> axis = c;
                    case 'a' -> t[0] += H;
                    case 'b' -> t[1] += H;
                    case 'c' -> t[2] += H;
                    case 'n' -> { t[0] += H; t[1] += H; t[2] += H; }
                    case 'u' -> t[0] += Q;
                    case 'v' -> t[1] += Q;
                    case 'w' -> t[2] += Q;
                    case 'd' -> { t[0] += Q; t[1] += Q; t[2] += Q; }
                    default -> throw bad(symbol, "unknown character '" + c + "' in matrix symbol '" + tok + "'");
                }
            }
            if (axis == 0 && n != 1) axis = defaultAxis(index, n, prevN, symbol, tok);
            int[] rot = rotation(n, axis, prevAxis, symbol, tok);
            if (screw != 0) {
                int k = "xyz".indexOf(axis);
                if (k < 0) throw bad(symbol, "screw component in '" + tok + "' needs a principal axis");
                t[k] += screw * SymOp.DEN / n;
            }
            if (improper) for (int j = 0; j < 9; j++) rot[j] = -rot[j];
            return new MatrixSymbol(n, axis == 0 ? 'z' : axis, SymOp.of(rot, t));
        }

        private static char defaultAxis(int index, int n, int prevN, String symbol, String tok) {
            if (index == 0) return 'z';
            if (index == 1 && n == 2) {
                if (prevN == 2 || prevN == 4) return 'x';
                if (prevN == 3 || prevN == 6) return '\'';
            }
            if (index == 2 && n == 3) return '*';
            throw bad(symbol, "matrix symbol '" + tok + "' needs an explicit axis");
        }

        /** Integer rotation matrices of Hall's table, row-major. */
        private static int[] rotation(int n, char axis, char prevAxis, String symbol, String tok) {
            if (n == 1) return new int[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
            switch (axis) {
                case 'z': switch (n) {
                    case 2: return new int[] {-1, 0, 0, 0, -1, 0, 0, 0, 1};
                    case 3: return new int[] {0, -1, 0, 1, -1, 0, 0, 0, 1};
                    case 4: return new int[] {0, -1, 0, 1, 0, 0, 0, 0, 1};
                    case 6: return new int[] {1, -1, 0, 1, 0, 0, 0, 0, 1};
                    default: break;
                } break;
                case 'x': switch (n) {
                    case 2: return new int[] {1, 0, 0, 0, -1, 0, 0, 0, -1};
                    case 3: return new int[] {1, 0, 0, 0, 0, -1, 0, 1, -1};
                    case 4: return new int[] {1, 0, 0, 0, 0, -1, 0, 1, 0};
                    case 6: return new int[] {1, 0, 0, 0, 1, -1, 0, 1, 0};
                    default: break;
                } break;
                case 'y': switch (n) {
                    case 2: return new int[] {-1, 0, 0, 0, 1, 0, 0, 0, -1};
                    case 3: return new int[] {-1, 0, 1, 0, 1, 0, -1, 0, 0};
                    case 4: return new int[] {0, 0, 1, 0, 1, 0, -1, 0, 0};
                    case 6: return new int[] {0, 0, 1, 0, 1, 0, -1, 0, 1};
                    default: break;
                } break;
                case '\'': if (n == 2) switch (prevAxis) {
                    case 'z': return new int[] {0, -1, 0, -1, 0, 0, 0, 0, -1};
                    case 'x': return new int[] {-1, 0, 0, 0, 0, -1, 0, -1, 0};
                    default: return new int[] {0, 0, -1, 0, -1, 0, -1, 0, 0};
                } break;
                case '"': if (n == 2) switch (prevAxis) {
                    case 'z': return new int[] {0, 1, 0, 1, 0, 0, 0, 0, -1};
                    case 'x': return new int[] {-1, 0, 0, 0, 0, 1, 0, 1, 0};
                    default: return new int[] {0, 0, 1, 0, -1, 0, 1, 0, 0};
                } break;
                case '*': if (n == 3) return new int[] {0, 0, 1, 1, 0, 0, 0, 1, 0};
                    break;
                default: break;
            }
            throw bad(symbol, "no " + n + "-fold about axis '" + axis + "' in '" + tok + "'");
        }
    }
}
