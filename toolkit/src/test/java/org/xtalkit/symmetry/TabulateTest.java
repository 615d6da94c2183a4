package org.xtalkit.symmetry;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The table format of dials.symmetry's log, checked against lines DIALS 3.12 printed for quartz. */
class TabulateTest {
    @Test
    void elementTableAsDials() {
        String t = Tabulate.psql(List.of("likelihood", "Z-CC", "CC", "N", "", "Operator"), List.of(
                List.of("0.943", "9.89", "0.99", "548", "***", "1 |(0, 0, 0)"),
                List.of("0.867", "9.10", "0.91", "290", "**", "2 |(1, 0, 0)"),
                List.of("0.349", "6.51", "0.65", "412", "", "2 |(-1, 1, 0)")));
        assertEquals(String.join("\n",
                "+--------------+--------+------+-----+-----+---------------+",
                "|   likelihood |   Z-CC |   CC |   N |     | Operator      |",
                "|--------------+--------+------+-----+-----+---------------|",
                "|        0.943 |   9.89 | 0.99 | 548 | *** | 1 |(0, 0, 0)  |",
                "|        0.867 |   9.1  | 0.91 | 290 | **  | 2 |(1, 0, 0)  |",
                "|        0.349 |   6.51 | 0.65 | 412 |     | 2 |(-1, 1, 0) |",
                "+--------------+--------+------+-----+-----+---------------+"), t);
    }

    @Test
    void subgroupTableAsDials() {
        String t = Tabulate.psql(List.of("Patterson group", "", "Likelihood", "NetZcc", "Zcc+", "Zcc-", "CC", "CC-", "delta", "Reindex operator"),
                List.of(List.of("P -3 m 1", "***", "0.936", " 2.96", " 9.42", " 6.46", " 0.96", " 0.66", "0.0", "-b,a,c"),
                        List.of("P 6/m m m", "", "0.055", " 8.08", " 8.08", " 0.00", " 0.81", " 0.00", "0.0", "-b,a,c"),
                        List.of("P -3 1 m", "", "0.000", "-0.74", " 7.70", " 8.44", " 0.80", " 0.82", "0.0", "-b,a,c")));
        assertEquals(String.join("\n",
                "+-------------------+-----+--------------+----------+--------+--------+------+-------+---------+--------------------+",
                "| Patterson group   |     |   Likelihood |   NetZcc |   Zcc+ |   Zcc- |   CC |   CC- |   delta | Reindex operator   |",
                "|-------------------+-----+--------------+----------+--------+--------+------+-------+---------+--------------------|",
                "| P -3 m 1          | *** |        0.936 |     2.96 |   9.42 |   6.46 | 0.96 |  0.66 |       0 | -b,a,c             |",
                "| P 6/m m m         |     |        0.055 |     8.08 |   8.08 |   0    | 0.81 |  0    |       0 | -b,a,c             |",
                "| P -3 1 m          |     |        0     |    -0.74 |   7.7  |   8.44 | 0.8  |  0.82 |       0 | -b,a,c             |",
                "+-------------------+-----+--------------+----------+--------+--------+------+-------+---------+--------------------+"), t);
    }
}
