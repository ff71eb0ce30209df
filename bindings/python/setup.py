"""pip install --no-build-isolation ./bindings/python: the trustlint package and its compiled module.

The module (trustlint/_trustlint*.so, pybind11) is native code built by CMake from this checkout,
so nothing is downloaded:
1. TRUSTLINT_PYTHON_MODULE names a built module (e.g. build/bindings/python/trustlint/_trustlint…so):
   it is copied as is;
2. else CMake builds the target trustlint_python in TRUSTLINT_CMAKE_BUILD_DIR (an existing build
   directory is reused with its settings; only the module's target is built) or, by default, in
   a fresh bindings/python/build/cmake (Release, tests off, Python = the interpreter running pip).
Needs cmake, g++ and the Debian packages of the README's quick start (pybind11-dev, python3-dev).
"""

import glob
import os
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


class CMakeModule(build_ext):
    """Puts the CMake-built module where setuptools expects the extension."""

    def build_extension(self, ext):
        target = self.get_ext_fullpath(ext.name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(self._module(), target)

    def _module(self):
        prebuilt = os.environ.get("TRUSTLINT_PYTHON_MODULE")
        if prebuilt:
            return os.path.abspath(prebuilt)
        if not os.path.exists(os.path.join(ROOT, "CMakeLists.txt")):
            sys.exit("trustlint: set TRUSTLINT_PYTHON_MODULE or install from a trustlint checkout")
        build = os.environ.get("TRUSTLINT_CMAKE_BUILD_DIR") or os.path.join(HERE, "build", "cmake")
        build = os.path.abspath(build)
        configure = ["cmake", "-S", ROOT, "-B", build, "-DTRUSTLINT_BUILD_PYTHON=ON"]
        if not os.path.exists(os.path.join(build, "CMakeCache.txt")):
            configure += ["-DCMAKE_BUILD_TYPE=Release", "-DTRUSTLINT_BUILD_TESTS=OFF", "-DTRUSTLINT_BUILD_NODE=OFF",
                          f"-DPython3_EXECUTABLE={sys.executable}"]
        subprocess.check_call(configure)
        subprocess.check_call(["cmake", "--build", build, "--target", "trustlint_python",
                               "-j", os.environ.get("TRUSTLINT_JOBS", "2")])
        built = glob.glob(os.path.join(build, "bindings", "python", "trustlint", "_trustlint*.so"))
        if len(built) != 1:
            sys.exit(f"trustlint: expected one built module in {build}, found {built}")
        return built[0]


setup(
    name="trustlint",
    version="0.1.0",
    description="Exact answers about AWS IAM role trust policies federated to Vercel OIDC (can, who, lint)",
    packages=["trustlint"],
    package_data={"trustlint": ["py.typed", "__init__.pyi"]},
    ext_modules=[Extension("trustlint._trustlint", sources=[])],
    cmdclass={"build_ext": CMakeModule},
    python_requires=">=3.9",
    zip_safe=False,
)
