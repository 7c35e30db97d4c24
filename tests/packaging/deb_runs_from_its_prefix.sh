#!/usr/bin/env bash
# Unpacks the .deb that packaging.build_deb made into a temporary root and runs versus from there. The unpacked
# catalog gets a workload that exists nowhere else and the unpacked harness is hidden once, so the test fails if the
# binary read the source tree. Usage: deb_runs_from_its_prefix.sh DEB_DIR LIBNODE_LIB_DIR
set -euo pipefail

deb_dir=$1
libnode_lib=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

debs=("$deb_dir"/versus_*.deb)
((${#debs[@]} == 1)) && [[ -f ${debs[0]} ]] || fail "expected one versus_*.deb in $deb_dir, found: ${debs[*]}"
deb=${debs[0]}

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for package in libnode108 libqt6widgets6 libqcustomplot2.1-qt6 libuv1 python3.11 python3-numpy; do
  [[ ", $depends," == *", $package "* || ", $depends," == *", $package,"* ]] || fail "Depends lacks $package"
done

root=$(mktemp -d)
trap 'chmod -R u+rwX "$root"; rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"
share=$root/usr/share/versus
for f in usr/bin/versus usr/bin/versus-gui usr/lib/versus/versus-spawn usr/share/man/man1/versus.1 \
         usr/share/doc/versus/copyright \
         usr/share/applications/io.github.versus.Versus.desktop usr/share/metainfo/io.github.versus.Versus.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/io.github.versus.Versus.svg \
         usr/share/versus/core/harness/harness.py usr/share/versus/core/harness/harness.js \
         usr/share/versus/workloads/fib/manifest.json usr/share/versus/workloads/_lib/versus_prng.py \
         usr/share/versus/workloads/_selftest/noop/manifest.json; do
  [[ -f $root/$f ]] || fail "the package lacks /$f"
done
# The database workloads' pg client and what it requires; not Prisma's toolchain.
lib_modules=$share/workloads/_lib/node_modules
[[ -f $lib_modules/pg/package.json && -f $lib_modules/pg-pool/package.json ]] || fail "the package lacks pg"
[[ ! -e $lib_modules/prisma && ! -e $lib_modules/typescript ]] || fail "the package carries Prisma's toolchain"
if readelf -d "$root/usr/bin/versus" | grep -E 'RPATH|RUNPATH'; then
  fail "the installed versus carries an RPATH; it must rely on the system's libnode108"
fi

# A workload only the unpacked catalog has.
cp -r "$share/workloads/fib" "$share/workloads/pkgprobe"
sed -i 's/"id": "fib"/"id": "pkgprobe"/' "$share/workloads/pkgprobe/manifest.json"

versus() {
  (cd "$root" && env -u VERSUS_DATA_DIR -u VERSUS_SPAWN LD_LIBRARY_PATH="$libnode_lib" QT_QPA_PLATFORM=offscreen \
     "$root/usr/bin/versus" "$@")
}
list=$(versus list)
[[ $(head -1 <<<"$list") == "Workloads ($share/workloads):" ]] || fail "versus list names another catalog: $(head -1 <<<"$list")"
echo "$list"
grep -q pkgprobe <<<"$list" || fail "versus list does not show the unpacked catalog's workload 'pkgprobe'"
versus run -w pkgprobe -r python -r node --tiny --samples 2 --warmup 1 --min-sample-time 5 \
  || fail "the tiny run of the unpacked catalog failed"

# With the unpacked Python harness hidden, a Python run must fail: it may not fall back to the source tree's.
mv "$share/core/harness/harness.py" "$share/core/harness/harness.py.hidden"
if output=$(versus run -w pkgprobe -r python --tiny --samples 2 --warmup 1 --min-sample-time 5 2>&1); then
  echo "$output"
  fail "a Python run succeeded without the unpacked harness.py: the binary read another harness"
fi
grep -q "$share/core/harness" <<<"$output" || { echo "$output"; fail "the failure does not name $share/core/harness"; }
mv "$share/core/harness/harness.py.hidden" "$share/core/harness/harness.py"

# versus draws charts through the versus-gui installed beside it (the headless versus links no Qt).
versus run -w pkgprobe -r node --tiny --samples 2 --warmup 1 --min-sample-time 5 --chart "$root/charts.png" -q \
  || fail "the unpacked versus could not draw charts through its versus-gui"
[[ -s $root/charts.png ]] || fail "no chart was written"
if readelf -d "$root/usr/bin/versus" | grep -q 'libQt'; then
  fail "the installed versus links Qt; only versus-gui may"
fi
echo "ok: the unpacked versus reads $share"
