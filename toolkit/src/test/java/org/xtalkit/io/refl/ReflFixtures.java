package org.xtalkit.io.refl;

import org.xtalkit.SharedData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The DIALS .refl files under shared/data and the reference CSV of each. */
final class ReflFixtures {
    private ReflFixtures() {}

    static List<Path> reflFiles() {
        Path data = SharedData.data("");
        try (Stream<Path> s = Files.walk(data)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".refl")).sorted().toList();
            if (files.isEmpty()) throw new AssertionError("no .refl files under " + data);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** shared/reference/&lt;folder&gt;/&lt;name&gt;.csv for shared/data/&lt;folder&gt;/&lt;name&gt;.refl */
    static Path referenceCsv(Path refl) {
        String rel = SharedData.data("").relativize(refl).toString();
        return SharedData.reference(rel.substring(0, rel.length() - ".refl".length()) + ".csv");
    }

    static String name(Path refl) { return SharedData.data("").relativize(refl).toString(); }
}
