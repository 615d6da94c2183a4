package org.xtalkit.kernel;

import java.util.List;

/**
 * A cell that did not run to the end: it did not compile, it threw, or it was interrupted.
 * Carries the Jupyter error fields (ename, evalue) and the traceback lines already formatted.
 */
final class CellException extends RuntimeException {
    private final String ename;
    private final List<String> traceback;

    CellException(String ename, String evalue, List<String> traceback) {
        super(evalue, null, false, false);
        this.ename = ename;
        this.traceback = List.copyOf(traceback);
    }

    String ename() { return ename; }
    List<String> traceback() { return traceback; }
}
