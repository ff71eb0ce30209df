# `cpack -G DEB` (from the build directory): a Debian package of what Install.cmake installs as
# its `runtime` component (the program and its documents, not the library and headers), the
# binary stripped. Runtime dependencies come from dpkg-shlibdeps (Debian's dpkg-dev).
set(CPACK_PACKAGE_NAME trustlint)
set(CPACK_PACKAGE_VENDOR "trustlint")
set(CPACK_PACKAGE_CONTACT "trustlint maintainers <${PROJECT_HOMEPAGE_URL}>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "exact answers about AWS role trust policies federated to Vercel OIDC")
set(CPACK_PACKAGE_HOMEPAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_INSTALL_CMAKE_PROJECTS "${PROJECT_BINARY_DIR};${PROJECT_NAME};runtime;/")
include(CPack)
