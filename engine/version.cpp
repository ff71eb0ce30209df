// The library's version string, from CMake's project(VERSION).
#include "trustlint/engine.h"

namespace trustlint {
const char* version() { return TRUSTLINT_VERSION; }
}  // namespace trustlint
