package org.xtalkit.io.image.cbf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xtalkit.ModelAssert;
import org.xtalkit.SharedData;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.image.FormatMetadata;
import org.xtalkit.io.image.ImageFormat;
import org.xtalkit.io.image.ImageFormats;
import org.xtalkit.model.Experiment;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each CBF format gives, from one image's header, the models dials.import wrote for it. */
class CbfFormatsTest {

    @ParameterizedTest
    @CsvSource({
        "image_examples/DLS_I03_smargon_0001.cbf, DLS_I03_smargon_0001.imported.expt, FormatCBFFullPilatusDLS6MSN126, 0",
        "image_examples/dlsnxs2cbf_therm_0001.cbf, dlsnxs2cbf_therm_0001.imported.expt, FormatCBFMiniEigerDLS16MSN160, 0",
        "image_examples/DLS_I23_P12M_thau_00001.cbf, DLS_I23_P12M_thau_00001.imported.expt, FormatCBFMiniPilatusDLS12M, 0",
        "thaumatin_grid/thau_3_2_0001.cbf.bz2, thaumatin_grid.imported.expt, FormatCBFMiniPilatusDLS6MSN119, 0",
        "thaumatin_grid/thau_3_2_0007.cbf.bz2, thaumatin_grid.imported.expt, FormatCBFMiniPilatusDLS6MSN119, 6",
        "nexus/cbf/insulin_sim_0001.cbf, nexus/cbf.imported.expt, FormatCBFMini, 0",
    })
    void headerGivesTheReferenceModels(String image, String reference, String format, int experiment) {
        Path file = SharedData.data(image);
        ImageFormat f = ImageFormats.find(file);
        assertEquals(format, f.name());
        FormatMetadata m = f.readMetadata(file);
        Experiment ref = ExptFile.read(SharedData.reference(reference)).get(experiment);
        ModelAssert.beam(ref.beam(), m.beam());
        ModelAssert.detector(ref.detector(), m.detector());
        ModelAssert.goniometer(ref.goniometer(), m.goniometer());
        if (ref.scan().numImages() == 1) ModelAssert.scan(ref.scan(), m.scan());
        else ModelAssert.scan(ref.scan().subRange(1, 1), m.scan());
    }
}
