#!/usr/bin/env bash
# Fuzz smoke run: builds the libFuzzer targets with clang-14 (ASan + UBSan + coverage) in
# build-fuzz/ and runs each for SECONDS seconds (default 20), two at a time, through
# `ctest -L fuzz`. Exits non-zero when a target crashes, leaks, hangs or breaks an invariant;
# the input that did it is left in build-fuzz/fuzz/artifacts/. See fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-20}"
CXX_CLANG="${CXX_CLANG:-clang++-14}"
TARGETS="fuzz_corpus fuzz_read_json fuzz_read_yaml fuzz_load_policy fuzz_glob fuzz_who_vs_can fuzz_iac fuzz_read_hcl fuzz_prover_bounded"

cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER="$CXX_CLANG" -DTRUSTLINT_BUILD_FUZZ=ON \
  -DTRUSTLINT_BUILD_TESTS=OFF -DTRUSTLINT_FUZZ_SECONDS="$SECONDS_EACH" >/dev/null
cmake --build build-fuzz -j2 --target $TARGETS
ctest --test-dir build-fuzz -L '^fuzz$' --output-on-failure -j2
