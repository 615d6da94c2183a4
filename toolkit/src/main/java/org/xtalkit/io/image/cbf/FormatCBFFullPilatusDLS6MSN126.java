package org.xtalkit.io.image.cbf;

/** Full CBFs of the Pilatus3 6M S/N 60-0126 on Diamond I03 (SmarGon goniometer in the imgCIF axes). */
public class FormatCBFFullPilatusDLS6MSN126 extends FormatCBFFullPilatus {

    @Override public String name() { return "FormatCBFFullPilatusDLS6MSN126"; }
    @Override public int priority() { return 3; }

    @Override
    protected boolean accepts(String header) {
        return super.accepts(header) && FormatCBFMiniPilatus.isPilatusSerial(header, "S/N 60-0126");
    }
}
