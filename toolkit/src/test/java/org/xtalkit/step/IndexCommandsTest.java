package org.xtalkit.step;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtalkit.SharedData;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.model.Crystal;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** index -> refine_bravais_settings -> reindex on the quartz spots, through the command-line faces. */
class IndexCommandsTest {

    @Test
    void quartzFromSpotsToP3121(@TempDir Path dir) throws Exception {
        Files.copy(SharedData.data("quartz_processed/imported.expt"), dir.resolve("imported.expt"));
        Files.copy(SharedData.data("quartz_processed/strong.refl"), dir.resolve("strong.refl"));
        IndexCommand index = new IndexCommand();
        index.run(List.of("imported.expt", "strong.refl"), ParamValues.parse("index", index.parameters()), dir, Progress.NONE);
        ReflectionTable indexed = ReflReader.read(dir.resolve("indexed.refl"));
        int n = 0;
        for (int i = 0; i < indexed.size(); i++) if (Flag.INDEXED.allSetIn(indexed.flags()[i])) n++;
        assertEquals(n, java.util.Arrays.stream(indexed.ints("id")).filter(x -> x >= 0).count());
        assertTrue(n > 0.86 * indexed.size());

        RefineBravaisSettingsCommand rbs = new RefineBravaisSettingsCommand();
        rbs.run(List.of("indexed.expt", "indexed.refl"), ParamValues.parse("refine_bravais_settings", rbs.parameters(), "nproc=2"), dir, Progress.NONE);
        String summary = Files.readString(dir.resolve("bravais_summary.json"));
        assertTrue(summary.contains("\"hP\""), summary);
        Crystal hp = ExptFile.read(dir.resolve("bravais_setting_12.expt")).get(0).crystal();
        assertEquals(120, hp.unitCell().gamma(), 1e-6);
        assertEquals("P 3", hp.spaceGroupHall().trim());

        String cb = new com.fasterxml.jackson.databind.ObjectMapper().readTree(summary).get("12").get("cb_op").asText();
        ReindexCommand reindex = new ReindexCommand();
        reindex.run(List.of("indexed.expt", "indexed.refl"),
                ParamValues.parse("reindex", reindex.parameters(), "change_of_basis_op=" + cb, "space_group=P3121"), dir, Progress.NONE);
        Crystal r = ExptFile.read(dir.resolve("reindexed.expt")).get(0).crystal();
        assertEquals("P 31 2\"", r.spaceGroupHall().trim());
        assertEquals(4.92, r.unitCell().a(), 0.03);
        assertEquals(5.40, r.unitCell().c(), 0.03);
        assertEquals(120, r.unitCell().gamma(), 0.3);
        assertTrue(Files.exists(dir.resolve("reindexed.refl")));
    }
}
