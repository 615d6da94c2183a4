package org.xtalkit.table;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expected strings are what CPython 3.11 prints (str, %.2f, %.4e, %.17g, %i): ties, signs, exponents. */
class DialsNumberFormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.125                   | 0.125                  | 0.12  | 1.2500e-01  | 0.125                   | 0",
            "2.675                   | 2.675                  | 2.67  | 2.6750e+00  | 2.6749999999999998      | 2",
            "-0.001                  | -0.001                 | -0.00 | -1.0000e-03 | -0.001                  | 0",
            "1.5462e-05              | 1.5462e-05             | 0.00  | 1.5462e-05  | 1.5461999999999999e-05  | 0",
            "1e16                    | 1e+16                  | 10000000000000000.00 | 1.0000e+16 | 10000000000000000 | 10000000000000000",
            "1e-5                    | 1e-05                  | 0.00  | 1.0000e-05  | 1.0000000000000001e-05  | 0",
            "0.0001                  | 0.0001                 | 0.00  | 1.0000e-04  | 0.0001                  | 0",
            "123456789012345678.0    | 1.2345678901234568e+17 | 123456789012345680.00 | 1.2346e+17 | 1.2345678901234568e+17 | 123456789012345680",
            "0.1                     | 0.1                    | 0.10  | 1.0000e-01  | 0.10000000000000001     | 0",
            "-2.7                    | -2.7                   | -2.70 | -2.7000e+00 | -2.7000000000000002     | -2",
            "4.9E-324                | 5e-324                 | 0.00  | 4.9407e-324 | 4.9406564584124654e-324 | 0",
            "-0.0                    | -0.0                   | -0.00 | -0.0000e+00 | -0                      | 0",
            "100.0                   | 100.0                  | 100.00 | 1.0000e+02 | 100                     | 100",
            "9.99995                 | 9.99995                | 10.00 | 1.0000e+01  | 9.9999500000000001      | 9",
    })
    void printsWhatPythonPrints(double x, String str, String f2, String e4, String g17, String i) {
        assertEquals(str, DialsNumberFormat.pythonStr(x), "str()");
        assertEquals(f2, DialsNumberFormat.format("%.2f", x), "%.2f");
        assertEquals(e4, DialsNumberFormat.format("%.4e", x), "%.4e");
        assertEquals(g17, DialsNumberFormat.g17(x), "%.17g");
        assertEquals(i, DialsNumberFormat.format("%i", x), "%i");
        assertEquals(str + ", " + f2, DialsNumberFormat.format("%s, %.2f", x, x));
    }
}
