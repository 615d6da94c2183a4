"""DIALS' own gaussian_rs profile modelling and fitting on a table written by xtalkit.

usage: python3 dials_profile_fit.py in.expt in.refl sigma_b sigma_m n_sigma out.csv n_transforms
(sigma_b, sigma_m in radians). Reflections flagged integrated_sum with partiality > 0.99 model the
reference profiles (3x3 regular grid, 5 degree scan step, grid_size 5), then all are fitted in
reciprocal space. Writes per reflection: row, intensity, variance, correlation, success, and for the
first n_transforms reflections the flattened TransformForward grid (data, background).
"""
import math
import sys
import time

from dials.algorithms.profile_model.gaussian_rs import CoordinateSystem, GaussianRSProfileModeller
from dials.algorithms.profile_model.gaussian_rs.transform import TransformForward, TransformSpec
from dials.array_family import flex
from dxtbx.model.experiment_list import ExperimentListFactory

expt, refl, sigma_b, sigma_m, n_sigma, out, n_transforms = sys.argv[1:8]
sigma_b, sigma_m, n_sigma, n_transforms = float(sigma_b), float(sigma_m), float(n_sigma), int(n_transforms)
e = ExperimentListFactory.from_json_file(expt, check_format=False)[0]
r = flex.reflection_table.from_file(refl)
phi0, phi1 = e.scan.get_oscillation_range(deg=True)
n_scan = int(math.ceil((phi1 - phi0) / 5.0))
m = GaussianRSProfileModeller(e.beam, e.detector, e.goniometer, e.scan, sigma_b, sigma_m,
                              n_sigma * 1.5, 5, n_scan, 0.02, 2, 1)
t0 = time.process_time()
m.model(r)
t1 = time.process_time()
m.normalize_profiles()
r["intensity.prf.value"] = flex.double(len(r))
r["intensity.prf.variance"] = flex.double(len(r))
r["profile.correlation"] = flex.double(len(r))
t2 = time.process_time()
ok = m.fit(r)
t3 = time.process_time()
used = r.get_flags(r.flags.used_in_modelling).count(True)
sys.stdout.write("DIALS CPU: model %.0f references/s (%d used), fit %.0f reflections/s\n" % (used / (t1 - t0), used, len(r) / (t3 - t2)))
spec = TransformSpec(e.beam, e.detector, e.goniometer, e.scan, sigma_b, sigma_m, n_sigma * 1.5, 5)
with open(out, "w") as f:
    for i in range(len(r)):
        f.write("%d,%.10g,%.10g,%.10g,%d\n" % (i, r["intensity.prf.value"][i], r["intensity.prf.variance"][i],
                                              r["profile.correlation"][i], 1 if ok[i] else 0))
    for i in range(min(n_transforms, len(r))):
        sb = r["shoebox"][i]
        cs = CoordinateSystem(e.goniometer.get_rotation_axis(), e.beam.get_s0(), r["s1"][i], r["xyzcal.mm"][i][2])
        mask = flex.bool([(v & 5) == 5 for v in sb.mask])
        mask.reshape(sb.mask.accessor())
        t = TransformForward(spec, cs, sb.bbox, sb.panel, sb.data.as_double(), sb.background.as_double(), mask)
        f.write("T%d,%s\n" % (i, ",".join("%.8g" % v for v in t.profile())))
        f.write("B%d,%s\n" % (i, ",".join("%.8g" % v for v in t.background())))
