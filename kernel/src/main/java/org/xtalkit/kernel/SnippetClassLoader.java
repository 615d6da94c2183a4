package org.xtalkit.kernel;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * Defines the classes JShell compiles from notebook cells, in the kernel's own JVM. Its parent is
 * the kernel's class loader, so a cell's ReflectionTable is the same class the display renderers
 * know; jars added later (addToClasspath) are searched after the parent.
 */
final class SnippetClassLoader extends URLClassLoader implements LoaderDelegate {
    private final Map<String, byte[]> pending = new ConcurrentHashMap<>();
    private final Map<String, Class<?>> defined = new ConcurrentHashMap<>();

    SnippetClassLoader(ClassLoader parent) {
        super(new URL[0], parent);
    }

    @Override public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
        for (ClassBytecodes c : cbcs) pending.put(c.name(), c.bytecodes());
        boolean[] installed = new boolean[cbcs.length];
        try {
            for (int i = 0; i < cbcs.length; i++) {
                loadClass(cbcs[i].name());
                installed[i] = true;
            }
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ClassInstallException("cannot define " + e.getMessage(), installed);
        }
    }

    @Override public void classesRedefined(ClassBytecodes[] cbcs) {
        // JShell redefines only when it can (same shape); new bytes are kept for a later define
        for (ClassBytecodes c : cbcs) pending.put(c.name(), c.bytecodes());
    }

    @Override public void addToClasspath(String path) throws InternalException {
        try {
            for (String p : path.split(File.pathSeparator))
                if (!p.isBlank()) addURL(new File(p).toURI().toURL());
        } catch (MalformedURLException e) {
            throw new InternalException("bad class path entry in " + path + ": " + e.getMessage());
        }
    }

    /** Public: the same method serves ClassLoader and JShell's LoaderDelegate. */
    @Override public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> c = defined.get(name);
        if (c != null) return c;
        byte[] b = pending.remove(name);
        if (b == null) return super.findClass(name);
        c = defineClass(name, b, 0, b.length);
        defined.put(name, c);
        return c;
    }
}
