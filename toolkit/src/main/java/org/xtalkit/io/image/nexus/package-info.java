/**
 * NeXus/NXmx HDF5 images through jhdf, as dxtbx's FormatNXmx reads them.
 *
 * <ul>
 *   <li>{@link org.xtalkit.io.image.nexus.NxmxFormat}: the image format (found by ServiceLoader);
 *       models, frames, static mask, image_range subsets.</li>
 *   <li>NxmxModels, NxTransformation, DetectorHierarchy: the experimental models from the NXmx
 *       transformation chains (McStas to imgCIF, units, offsets, multi-axis goniometers, modules).</li>
 *   <li>FrameSegments, Hdf5Links, RawObjectHeader, VirtualLayout: where the frames are: Eiger
 *       external links, virtual datasets (parsed here: jhdf 0.13 cannot read them), plain datasets.</li>
 *   <li>FrameReader, {@link org.xtalkit.io.image.nexus.NxmxImageSource}: one frame at a time into
 *       int[], thread-safe.</li>
 *   <li>{@link org.xtalkit.io.image.nexus.BitshuffleLz4Filter}, Bitshuffle: HDF5 filter 32008,
 *       replacing jhdf's.</li>
 *   <li>{@link org.xtalkit.io.image.nexus.NxmxWriter}, ExternalLinkWriter: writing NXmx files
 *       (single file, or Eiger-style master + data files).</li>
 * </ul>
 */
package org.xtalkit.io.image.nexus;
