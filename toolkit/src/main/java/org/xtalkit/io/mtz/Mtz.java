package org.xtalkit.io.mtz;

import org.xtalkit.model.UnitCell;
import org.xtalkit.spacegroup.SpaceGroup;

import java.util.List;

/**
 * The content of an MTZ reflection file (CCP4 format, as gemmi's mtz.hpp lays it out): a table of
 * float32 columns, one row per reflection (merged) or observation (unmerged), with its cell,
 * space group, datasets and, for unmerged files, one orientation header per batch (image).
 *
 * @param title    TITLE record
 * @param cell     CELL record (global cell)
 * @param spaceGroup SYMINF/SYMM records
 * @param datasets PROJECT/CRYSTAL/DATASET/DCELL/DWAVEL records
 * @param columns  COLUMN records and the data; all the same length
 * @param batches  MTZBATS section (empty for merged files)
 * @param history  MTZHIST lines
 */
public record Mtz(String title, UnitCell cell, SpaceGroup spaceGroup, List<Dataset> datasets, List<Column> columns,
                  List<Batch> batches, List<String> history) {

    public Mtz {
        datasets = List.copyOf(datasets);
        columns = List.copyOf(columns);
        batches = List.copyOf(batches);
        history = List.copyOf(history);
        int n = columns.isEmpty() ? 0 : columns.get(0).data().length;
        for (Column c : columns)
            if (c.data().length != n) throw new IllegalArgumentException("MTZ column " + c.label() + " has " + c.data().length + " rows, not " + n);
    }

    public int rows() { return columns.isEmpty() ? 0 : columns.get(0).data().length; }

    public Column column(String label) {
        for (Column c : columns) if (c.label().equals(label)) return c;
        throw new IllegalArgumentException("MTZ has no column " + label);
    }

    /** A crystal/dataset of the hierarchy (id 0 is CCP4's HKL_base when present). */
    public record Dataset(int id, String project, String crystal, String dataset, UnitCell cell, double wavelength) {}

    /**
     * One column: label, CCP4 type letter (H index, J intensity, Q σ, K I±, M σ(I±), F amplitude,
     * G F±, L σ(F±), D anomalous difference, I integer, B batch, Y M/ISYM, R real), dataset and values
     * (NaN = missing).
     */
    public record Column(String label, char type, int datasetId, float[] data) {}

    /**
     * One batch (image) orientation header: 29 integers and 156 reals in the CCP4 layout, and the
     * names of the goniostat axes (BHCH).
     */
    public record Batch(int number, String title, int[] ints, float[] floats, List<String> axes) {
        public Batch {
            if (ints.length != 29 || floats.length != 156) throw new IllegalArgumentException("an MTZ batch header has 29 + 156 words");
            ints = ints.clone();
            floats = floats.clone();
            axes = List.copyOf(axes);
        }
    }
}
