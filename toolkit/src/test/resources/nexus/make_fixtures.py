"""Small NXmx files for xtalkit's NeXus reader tests, and what DIALS makes of them.

Run with Debian's DIALS python (h5py + dxtbx):  /usr/bin/python3 make_fixtures.py
Writes, next to this script:
  multiaxis.nxs   kappa-like sample chain (phi -> sam_x -> chi -> omega), detector on a 2theta arm,
                  lengths in m and mm, uint16 counts with bit_depth_readout 16, chunks that do not tile
                  the image, pixel_mask
  twomodule.nxs   one NXdetector with two NXdetector_modules (data_origin) on one data array
  vds.nxs + vds_data.h5  a virtual dataset: frames 4..8 of an external file, then 2 frames of a
                  dataset in the same file ("." source), with the source selected by a hyperslab
  contiguous.nxs  signed 16-bit counts stored contiguously (no chunks)
  interleaved.nxs + interleaved_1.h5, interleaved_2.h5  a virtual dataset whose two sources fill
                  strided blocks of frames (odin-style interleaved writers)
  expected.json   dials.import models (via dxtbx) and get_raw_data / static mask of every image
"""
import json
import os

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
os.chdir(HERE)
rng = np.random.default_rng(5)


def axis(group, name, values, ttype, vector, units, depends_on, offset=None, offset_units=None):
    d = group.create_dataset(name, data=np.atleast_1d(np.asarray(values, dtype=float)))
    d.attrs["transformation_type"] = ttype
    d.attrs["vector"] = np.asarray(vector, dtype=float)
    d.attrs["units"] = units
    d.attrs["depends_on"] = depends_on
    if offset is not None:
        d.attrs["offset"] = np.asarray(offset, dtype=float)
        if offset_units:
            d.attrs["offset_units"] = offset_units
    return d


def nxgroup(parent, name, cls):
    g = parent.create_group(name)
    g.attrs["NX_class"] = cls
    return g


def common(f, n_frames, ny, nx, modules, sample_chain, frame_time=0.1, bit_depth=None, mask=None):
    entry = nxgroup(f, "entry", "NXentry")
    entry["definition"] = "NXmx"
    inst = nxgroup(entry, "instrument", "NXinstrument")
    inst["name"] = "XTALKIT TEST"
    beam = nxgroup(inst, "beam", "NXbeam")
    beam["incident_wavelength"] = 1.0332
    beam["incident_wavelength"].attrs["units"] = "angstrom"
    det = nxgroup(inst, "detector", "NXdetector")
    det["sensor_material"] = "Silicon"
    det["sensor_thickness"] = 0.00045
    det["sensor_thickness"].attrs["units"] = "m"
    det["saturation_value"] = 60000
    det["underload_value"] = 0
    det["frame_time"] = frame_time
    det["frame_time"].attrs["units"] = "s"
    if bit_depth:
        det["bit_depth_readout"] = bit_depth
    if mask is not None:
        det.create_dataset("pixel_mask", data=mask.astype(np.uint32))
    t = nxgroup(det, "transformations", "NXtransformations")
    axis(t, "two_theta", 15.0, "rotation", (-1, 0, 0), "deg", ".")
    axis(t, "det_z", 0.25, "translation", (0, 0, 1), "m", "/entry/instrument/detector/transformations/two_theta")
    det["depends_on"] = "/entry/instrument/detector/transformations/det_z"
    for name, origin, size, offset in modules:
        m = nxgroup(det, name, "NXdetector_module")
        m["data_origin"] = np.array(origin, dtype=np.int32)
        m["data_size"] = np.array(size, dtype=np.int32)
        axis(m, "module_offset", 1.0, "translation", (1, 0, 0), "mm",
             "/entry/instrument/detector/transformations/det_z", offset=offset, offset_units="mm")
        dep = f"/entry/instrument/detector/{name}/module_offset"
        axis(m, "fast_pixel_direction", 0.075, "translation", (-1, 0, 0), "mm", dep)
        axis(m, "slow_pixel_direction", 7.5e-5, "translation", (0, -1, 0), "m", dep)
    sample = nxgroup(entry, "sample", "NXsample")
    st = nxgroup(sample, "transformations", "NXtransformations")
    sample["depends_on"] = sample_chain(st, n_frames)
    return entry


def kappa_chain(st, n):
    omega = 10.0 + 0.5 * np.arange(n)
    axis(st, "omega", omega, "rotation", (-1, 0, 0), "deg", ".")
    axis(st, "chi", [30.0] * n, "rotation", (0, 0.70710678, 0.70710678), "deg", "/entry/sample/transformations/omega")
    axis(st, "sam_x", [0.1] * n, "translation", (1, 0, 0), "mm", "/entry/sample/transformations/chi")
    axis(st, "phi", [45.0] * n, "rotation", (-1, 0, 0), "deg", "/entry/sample/transformations/sam_x")
    return "/entry/sample/transformations/phi"


def omega_chain(st, n):
    axis(st, "omega", 0.2 * np.arange(n), "rotation", (-1, 0, 0), "deg", ".")
    return "/entry/sample/transformations/omega"


# --- multiaxis.nxs
ny, nx, n = 12, 10, 3
mask = np.zeros((ny, nx), dtype=np.uint32)
mask[:, 4] = 1
mask[7, 8] = 2
data = rng.poisson(3, size=(n, ny, nx)).astype(np.uint16)
data[:, :, 4] = 65535
data[1, 3, 3] = 65534
data[2, 9, 1] = 40000
with h5py.File("multiaxis.nxs", "w") as f:
    entry = common(f, n, ny, nx, [("module", (0, 0), (ny, nx), (-0.3, 0.45, 0.0))], kappa_chain, bit_depth=16, mask=mask)
    d = nxgroup(entry, "data", "NXdata")
    d.attrs["signal"] = "data"
    d.create_dataset("data", data=data, chunks=(2, 5, 4), compression="gzip")

# --- twomodule.nxs: two modules side by side in one 8 x 14 array
ny, nx, n = 8, 14, 2
data2 = rng.poisson(2, size=(n, ny, nx)).astype(np.int32)
with h5py.File("twomodule.nxs", "w") as f:
    entry = common(f, n, ny, nx, [("module_a", (0, 0), (ny, 6), (-0.5, 0.3, 0.0)),
                                   ("module_b", (0, 7), (ny, 7), (0.1, 0.3, 0.0))], omega_chain)
    d = nxgroup(entry, "data", "NXdata")
    d.attrs["signal"] = "data"
    d.create_dataset("data", data=data2, chunks=(1, ny, nx))

# --- vds.nxs + vds_data.h5
ny, nx = 6, 5
src = rng.poisson(4, size=(10, ny, nx)).astype(np.uint32)
src[:, 0, 0] = 0xFFFFFFFF
with h5py.File("vds_data.h5", "w") as f:
    f.create_dataset("data", data=src, chunks=(1, ny, nx), compression="gzip")
local = rng.poisson(9, size=(2, ny, nx)).astype(np.uint32)
with h5py.File("vds.nxs", "w", libver="latest") as f:
    entry = common(f, 7, ny, nx, [("module", (0, 0), (ny, nx), (-0.2, 0.2, 0.0))], omega_chain)
    f.create_dataset("entry/raw", data=local)
    layout = h5py.VirtualLayout(shape=(7, ny, nx), dtype=np.uint32)
    layout[0:5] = h5py.VirtualSource("vds_data.h5", "data", shape=(10, ny, nx))[4:9]
    layout[5:7] = h5py.VirtualSource(".", "/entry/raw", shape=(2, ny, nx))
    d = nxgroup(entry, "data", "NXdata")
    d.attrs["signal"] = "data"
    d.create_virtual_dataset("data", layout)

# --- contiguous.nxs: signed 16-bit counts stored contiguously (no chunks, no filters)
ny, nx = 5, 6
cont = rng.integers(-3, 300, size=(2, ny, nx)).astype(np.int16)
with h5py.File("contiguous.nxs", "w") as f:
    entry = common(f, 2, ny, nx, [("module", (0, 0), (ny, nx), (0.0, 0.0, 0.0))], omega_chain)
    d = nxgroup(entry, "data", "NXdata")
    d.attrs["signal"] = "data"
    d.create_dataset("data", data=cont)

# --- interleaved.nxs + interleaved_1.h5, interleaved_2.h5: two writers' files interleaved in blocks
#     of 2 frames (odin style): frames 0-1 from file 1, 2-3 from file 2, 4-5 from file 1, ...
ny, nx = 4, 3
parts = [rng.poisson(5, size=(4, ny, nx)).astype(np.uint32) for _ in range(2)]
for k, part in enumerate(parts, 1):
    with h5py.File(f"interleaved_{k}.h5", "w") as f:
        f.create_dataset("data", data=part, chunks=(1, ny, nx))
with h5py.File("interleaved.nxs", "w") as f:
    entry = common(f, 8, ny, nx, [("module", (0, 0), (ny, nx), (0.0, 0.0, 0.0))], omega_chain)
    layout = h5py.VirtualLayout(shape=(8, ny, nx), dtype=np.uint32)
    for k in range(2):
        layout[h5py.MultiBlockSlice(start=2 * k, stride=4, count=2, block=2)] = \
            h5py.VirtualSource(f"interleaved_{k + 1}.h5", "data", shape=(4, ny, nx))
    d = nxgroup(entry, "data", "NXdata")
    d.attrs["signal"] = "data"
    d.create_virtual_dataset("data", layout)

# --- what dxtbx reads
from dxtbx.model.experiment_list import ExperimentListFactory  # noqa: E402

expected = {}
for name in ("multiaxis.nxs", "twomodule.nxs", "vds.nxs", "contiguous.nxs", "interleaved.nxs"):
    el = ExperimentListFactory.from_filenames([os.path.join(HERE, name)])
    imageset = el[0].imageset
    models = json.loads(json.dumps(el.to_dict()))
    for key in ("imageset", "experiment"):
        models.pop(key, None)
    images = []
    for i in range(len(imageset)):
        images.append([list(map(int, p.as_numpy_array().ravel())) for p in imageset.get_raw_data(i)])
    mask = imageset.get_format_class().get_instance(os.path.join(HERE, name)).get_static_mask()
    expected[name] = {
        "format": imageset.get_format_class().__name__,
        "models": models,
        "images": images,
        "panels_lab": [{"fast_axis": list(p.get_fast_axis()), "slow_axis": list(p.get_slow_axis()),
                        "origin": list(p.get_origin())} for p in el[0].detector],
        "goniometer_matrices": {
            "fixed_rotation": list(el[0].goniometer.get_fixed_rotation()),
            "setting_rotation": list(el[0].goniometer.get_setting_rotation()),
            "rotation_axis_datum": list(el[0].goniometer.get_rotation_axis_datum()),
            "rotation_axis": list(el[0].goniometer.get_rotation_axis())},
        "static_mask": None if mask is None else [list(map(bool, m.as_numpy_array().ravel())) for m in mask],
    }
with open("expected.json", "w") as f:
    json.dump(expected, f)
print({k: (v["format"], len(v["images"])) for k, v in expected.items()})
