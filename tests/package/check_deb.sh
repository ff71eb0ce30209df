#!/usr/bin/env bash
# `cpack -G DEB` of the build, installed with `dpkg -i` into a scratch root (its own dpkg
# database, no root needed): the stripped binary runs, `man` finds the page, the completions and
# the documents the program cites are where bash, zsh, fish and users look.
# usage: check_deb.sh <build dir> <scratch dir>. Exit 77 (skipped) without cpack/dpkg-deb/dpkg-shlibdeps.
set -euo pipefail
build=$(cd "$1" && pwd)
work=$2
for tool in cpack dpkg dpkg-deb dpkg-shlibdeps readelf; do
  command -v "$tool" >/dev/null || { echo "skipped: $tool missing (apt-get install dpkg-dev binutils)"; exit 77; }
done
rm -rf "$work"
mkdir -p "$work/root/var/lib/dpkg/info" "$work/root/var/lib/dpkg/updates"
touch "$work/root/var/lib/dpkg/status"
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" >cpack.log 2>&1) || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/trustlint_*.deb)
echo "package: $(basename "$deb") ($(stat -c %s "$deb") bytes)"
dpkg-deb -f "$deb" Package Version Depends
dpkg --root="$work/root" --force-not-root --force-depends --log=/dev/null -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; exit 1; }
root=$work/root
fail() { echo "FAIL: $*" >&2; exit 1; }
[ -x "$root/usr/bin/trustlint" ] || fail "no /usr/bin/trustlint"
"$root/usr/bin/trustlint" --version | grep -q '^trustlint [0-9]' || fail "trustlint --version"
"$root/usr/bin/trustlint" rules TL101 >/dev/null || fail "trustlint rules TL101"
if readelf -S "$root/usr/bin/trustlint" | grep -q '\.debug_info'; then fail "the binary is not stripped"; fi
echo "binary: $(stat -c %s "$root/usr/bin/trustlint") bytes, stripped"
for f in usr/share/man/man1/trustlint.1 usr/share/bash-completion/completions/trustlint \
         usr/share/zsh/vendor-completions/_trustlint usr/share/fish/vendor_completions.d/trustlint.fish \
         usr/share/doc/trustlint/docs/semantics.md usr/share/doc/trustlint/docs/rules/TL101.md \
         usr/share/doc/trustlint/README.md usr/share/doc/trustlint/schemas/lint.schema.json; do
  [ -f "$root/$f" ] || fail "not installed: /$f"
done
if command -v man >/dev/null; then
  MANPATH="$root/usr/share/man" man -P cat trustlint 2>/dev/null | grep -q 'trustlint lint' || fail "man trustlint"
fi
# the bash completion completes a verb's options and values
out=$(bash -c '. "$1"; COMP_WORDS=(trustlint lint --fo); COMP_CWORD=2; _trustlint; echo "${COMPREPLY[*]}";
               COMP_WORDS=(trustlint lint --format s); COMP_CWORD=3; _trustlint; echo "${COMPREPLY[*]}"' _ \
      "$root/usr/share/bash-completion/completions/trustlint")
[ "$out" = $'--format\nsarif' ] || fail "bash completion gave: $out"
if command -v zsh >/dev/null; then zsh -n "$root/usr/share/zsh/vendor-completions/_trustlint" || fail "zsh syntax"; fi
if command -v fish >/dev/null; then fish --no-execute "$root/usr/share/fish/vendor_completions.d/trustlint.fish" || fail "fish syntax"; fi
# the package is the program: the engine's library, headers and CMake package stay out of it
# (Install.cmake's `development` component; `cmake --install` has them)
if find "$root/usr" -name 'libtrustlint_engine.a' -o -name 'trustlintConfig.cmake' -o -name engine.h | grep -q .; then
  fail "the .deb holds the development files: $(find "$root/usr" -name '*.a' -o -name '*.cmake' -o -name '*.h' | head -3)"
fi
echo "installed with dpkg into $root: ok"
