package org.xtalkit;

/**
 * The one exception family of xtalkit. Messages name the file, key or value at fault and what
 * was expected, so a notebook user or a shell user can act on them without a stack trace.
 */
public class XtalException extends RuntimeException {
    public XtalException(String message) { super(message); }
    public XtalException(String message, Throwable cause) { super(message, cause); }

    /** A file that could not be read as what it claims to be. */
    public static XtalException badFile(Object file, String problem) {
        return new XtalException(file + ": " + problem);
    }

    public static XtalException badFile(Object file, String problem, Throwable cause) {
        return new XtalException(file + ": " + problem, cause);
    }
}
