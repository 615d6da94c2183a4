#!/usr/bin/env bash
# Installs Jupyter (from Debian) and the xtalkit Jupyter kernel on a fresh Debian machine.
# Run from the repository root as root (CI). The notebook test (tests/.../NotebookExecutionTest)
# installs its own kernelspec in a private JUPYTER_PATH, so `mvn test` needs only the apt line;
# the kernel install below is for running notebooks by hand or with `jupyter nbconvert --execute`.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

# Jupyter without a browser UI: nbconvert executes notebooks headlessly; fonts for XChart's PNGs.
# Call /usr/bin/jupyter: a `python3` earlier on PATH may be another interpreter without these modules.
apt-get install -y -qq --no-install-recommends \
    jupyter-nbconvert python3-nbclient jupyter-client jupyter-core fontconfig fonts-dejavu-core >/dev/null

# Build the kernel with its dependencies copied to kernel/target/lib (the copy-libs execution).
mvn -B -q -Dstyle.color=never package -DskipTests -pl kernel -am

# Write the kernelspec (honours JUPYTER_PATH, else JUPYTER_DATA_DIR, else ~/.local/share/jupyter).
# Same as `./xtal kernel install` once the CLI hands "kernel install" to org.xtalkit.kernel.KernelInstall.
java -cp "kernel/target/classes:kernel/target/lib/*" org.xtalkit.kernel.KernelInstall
/usr/bin/jupyter kernelspec list
