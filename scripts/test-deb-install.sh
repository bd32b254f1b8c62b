#!/usr/bin/env bash
# Install ExportDesk's .deb on a clean Debian 12 root and check that the installed app starts.
#
# Usage (as root): scripts/test-deb-install.sh [--prepare-only] [path/to/exportdesk.deb]
#   default .deb: target/release/bundle/deb/*.deb (build it with scripts/package.sh)
#   --prepare-only: only make (or check) the cached clean Debian 12 root, then stop.
#
# 1. A minimal Debian 12 (bookworm, debootstrap --variant=minbase, deb.debian.org) is made once
#    into target/debian12/base and kept; every run starts from a fresh copy of it
#    (target/debian12/root), so the install always happens on a clean system.
#    Downloaded .debs are kept in target/debian12/apt-archives between runs.
# 2. In a chroot: apt-get update && apt-get install -y ./exportdesk*.deb xvfb xauth x11-apps
#    (x11-apps only for the screenshot).
# 3. The package's files are checked: binary, .desktop file (Name, Comment in Korean and English,
#    Icon, Categories), hicolor icons.
# 4. The installed app is started under xvfb-run with a throw-away database (EXPORTDESK_DB); it
#    must still run after 5 s, have created its SQLite database and have printed no panic. A
#    screenshot is saved to target/debian12/screenshot-deb.png. Then the app is stopped.
# 5. If an AppImage was built (target/release/bundle/appimage/*.AppImage), the same start check
#    runs it in the same root with --appimage-extract-and-run.
# Prints PASS/FAIL lines with timings; exits non-zero if anything failed.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
SUITE="bookworm"
MIRROR="http://deb.debian.org/debian"
base="$TARGET/debian12/base"
root="$TARGET/debian12/root"
archives="$TARGET/debian12/apt-archives"
marker="$base/.exportdesk-debootstrap-complete"

prepare_only=0
deb=""
for arg in "$@"; do
  case "$arg" in
    --prepare-only) prepare_only=1 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) deb="$arg" ;;
  esac
done

[ "$(id -u)" -eq 0 ] || { echo "test-deb-install.sh: needs root (debootstrap, chroot, mount)" >&2; exit 2; }

started=$SECONDS
failures=0
passes=0
pass() { passes=$((passes + 1)); echo "PASS [$((SECONDS - started))s] $*"; }
fail() { failures=$((failures + 1)); echo "FAIL [$((SECONDS - started))s] $*"; }
info() { echo "==   [$((SECONDS - started))s] $*"; }

if [ "$prepare_only" = 0 ]; then
  if [ -z "$deb" ]; then
    deb="$(ls -t "$TARGET"/release/bundle/deb/*.deb 2>/dev/null | head -n 1 || true)"
  fi
  [ -n "$deb" ] && [ -f "$deb" ] || { echo "no .deb found; run scripts/package.sh first or name one" >&2; exit 2; }
  deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
fi

for tool in debootstrap:debootstrap desktop-file-validate:desktop-file-utils; do
  command -v "${tool%%:*}" >/dev/null || {
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${tool#*:}"
  }
done

# --- mounts, cleaned up on any exit --------------------------------------------------------
mounted=()
kill_chroot_processes() {
  # Anything still running with its root inside the test root (the app, Xvfb, dbus...).
  local p r
  for p in /proc/[0-9]*; do
    r="$(readlink "$p/root" 2>/dev/null || true)"
    if [ "$r" = "$root" ] || [[ "$r" == "$root"/* ]]; then kill -KILL "${p#/proc/}" 2>/dev/null || true; fi
  done
}
cleanup() {
  local i
  [ -d "$root" ] && kill_chroot_processes
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" 2>/dev/null || true
  done
  mounted=()
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mount_into() { # mount_into ROOTDIR TYPE SOURCE TARGET [OPTIONS]
  mkdir -p "$1$4"
  if [ "$2" = bind ]; then mount --bind "$3" "$1$4"; else mount -t "$2" ${5:+-o "$5"} "$3" "$1$4"; fi
  mounted+=("$1$4")
}

# --- 1. the cached clean Debian 12 root ----------------------------------------------------
if [ -f "$marker" ]; then
  info "clean Debian 12 root cached: $base ($(cat "$marker"))"
else
  info "debootstrap --variant=minbase $SUITE $base $MIRROR"
  rm -rf "$base"
  mkdir -p "$base"
  t=$SECONDS
  if debootstrap --variant=minbase "$SUITE" "$base" "$MIRROR" > "$TARGET/debian12/debootstrap.log" 2>&1; then
    echo "made $(date -u +%Y-%m-%dT%H:%M:%SZ) in $((SECONDS - t))s" > "$marker"
    pass "debootstrap of a clean Debian 12 root ($((SECONDS - t))s, $(du -sh "$base" | cut -f1))"
  else
    tail -n 20 "$TARGET/debian12/debootstrap.log" >&2
    fail "debootstrap (log: $TARGET/debian12/debootstrap.log)"
    exit 1
  fi
fi
grep -q '^VERSION_ID="12"' "$base/etc/os-release" || { fail "$base is not Debian 12"; exit 1; }
[ "$prepare_only" = 1 ] && { echo "prepared: $base"; exit 0; }

# --- 2. fresh copy, install the .deb ---------------------------------------------------------
t=$SECONDS
rm -rf "$root"
cp -a "$base" "$root"
rm -f "$root/.exportdesk-debootstrap-complete"
info "fresh root copied from the cache in $((SECONDS - t))s: $root"

cp /etc/resolv.conf "$root/etc/resolv.conf"
printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"   # start no services in the chroot
chmod 755 "$root/usr/sbin/policy-rc.d"
mkdir -p "$archives/partial"
mount_into "$root" proc proc /proc
mount_into "$root" sysfs sysfs /sys
mount_into "$root" bind /dev /dev
mount_into "$root" devpts devpts /dev/pts "newinstance,ptmxmode=0666"
mount_into "$root" tmpfs tmpfs /dev/shm
mount_into "$root" bind "$archives" /var/cache/apt/archives

mkdir -p "$root/tmp/pkg"
cp "$deb" "$root/tmp/pkg/"
deb_name="$(basename "$deb")"
in_root() { chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"; }

t=$SECONDS
if in_root sh -c "cd /tmp/pkg && apt-get update && apt-get install -y ./$deb_name xvfb xauth x11-apps" \
     > "$TARGET/debian12/apt-install.log" 2>&1; then
  pass "apt-get install ./$deb_name xvfb xauth on clean Debian 12 ($((SECONDS - t))s; log target/debian12/apt-install.log)"
else
  tail -n 30 "$TARGET/debian12/apt-install.log"
  fail "apt-get install ./$deb_name (log: $TARGET/debian12/apt-install.log)"
  exit 1
fi
grep -E '^(Need to get|After this operation)' "$TARGET/debian12/apt-install.log" | sed 's/^/     /' || true

# --- 3. what the package installed -----------------------------------------------------------
pkg="$(dpkg-deb -f "$deb" Package)"
version="$(dpkg-deb -f "$deb" Version)"
status="$(in_root dpkg-query -W -f='${Status} ${Version}' "$pkg" 2>/dev/null || true)"
[ "$status" = "install ok installed $version" ] && pass "dpkg: $pkg $version installed" || fail "dpkg status of $pkg: '$status'"

bin="$(dpkg-deb -c "$deb" | awk '$6 ~ /^(\.\/)?usr\/bin\/./ { sub(/^\.?\/?/, "/", $6); print $6 }' | head -n 1)"
if [ -n "$bin" ] && [ -x "$root$bin" ]; then
  pass "binary $bin installed ($(du -h "$root$bin" | cut -f1))"
else
  fail "no executable under /usr/bin from the package"
  exit 1
fi
missing_libs="$(in_root ldd "$bin" 2>&1 | grep 'not found' || true)"
[ -z "$missing_libs" ] && pass "ldd $bin: every shared library found" || fail "ldd $bin: $missing_libs"
# No --version check: the desktop binary takes no command-line flags (it always opens the window);
# the version is the package's, checked above, and the same as tauri.conf.json's.

desktop_files=("$root"/usr/share/applications/*.desktop)
if [ -e "${desktop_files[0]}" ]; then
  d="${desktop_files[0]}"
  info "desktop file ${d#$root}:"
  sed 's/^/     /' "$d"
  desktop-file-validate "$d" && pass "desktop-file-validate ${d#$root}" || fail "desktop-file-validate ${d#$root}"
  grep -q '^Name=ExportDesk' "$d" && pass "desktop Name=ExportDesk" || fail "desktop Name is not ExportDesk"
  comment="$(sed -n 's/^Comment=//p' "$d")"
  if printf '%s' "$comment" | grep -qP '[\x{AC00}-\x{D7A3}]' && printf '%s' "$comment" | grep -q 'Export'; then
    pass "desktop Comment has Korean and English: $comment"
  else
    fail "desktop Comment lacks Korean or English: '$comment'"
  fi
  icon="$(sed -n 's/^Icon=//p' "$d")"
  icons=$(ls "$root"/usr/share/icons/hicolor/*/apps/"$icon".png 2>/dev/null | wc -l)
  if [ "$icons" -ge 3 ]; then
    pass "Icon=$icon with $icons hicolor sizes: $(ls "$root"/usr/share/icons/hicolor/*/apps/"$icon".png | sed "s|$root/usr/share/icons/hicolor/||; s|/apps/.*||" | tr '\n' ' ')"
  else
    fail "Icon=$icon: only $icons hicolor PNGs"
  fi
  grep -qE '^Categories=.*(Office|Finance|Business)' "$d" && pass "desktop $(grep '^Categories=' "$d")" \
    || fail "desktop Categories lacks Office/Finance/Business: $(grep '^Categories=' "$d" || true)"
  grep -q "^Exec=$(basename "$bin")" "$d" && pass "desktop Exec runs $(basename "$bin")" || fail "desktop Exec does not run $(basename "$bin")"
else
  fail "no /usr/share/applications/*.desktop"
fi

# --- 4./5. start the app under Xvfb --------------------------------------------------------
cat > "$root/tmp/start-check.sh" <<'EOF'
#!/bin/sh
# Inside xvfb-run: start "$@" with a fresh database, let it run 5 s, screenshot, stop it.
# Prints RESULT lines for test-deb-install.sh.
out=/tmp/start-check; rm -rf "$out"; mkdir -p "$out"
export EXPORTDESK_DB="$out/exportdesk.sqlite3"
export XDG_RUNTIME_DIR="$out/runtime"; mkdir -m 700 -p "$XDG_RUNTIME_DIR"
begun=$(date +%s.%N)
"$@" > "$out/stdout.log" 2> "$out/stderr.log" &
app=$!
db_after=""
i=0
while [ $i -lt 50 ]; do   # 5 s in 0.1 s steps
  if [ -z "$db_after" ] && [ -s "$EXPORTDESK_DB" ]; then
    db_after=$(awk -v a="$(date +%s.%N)" -v b="$begun" 'BEGIN { printf "%.1f", a - b }')
  fi
  kill -0 $app 2>/dev/null || break
  sleep 0.1; i=$((i + 1))
done
if kill -0 $app 2>/dev/null; then echo "RESULT running-after-5s yes"; else wait $app; echo "RESULT running-after-5s no (exit $?)"; fi
echo "RESULT db-created-after ${db_after:-never}"
head -c 15 "$EXPORTDESK_DB" 2>/dev/null | grep -q 'SQLite format 3' && echo "RESULT db-is-sqlite yes" || echo "RESULT db-is-sqlite no"
xwd -root -silent > "$out/screen.xwd" 2>/dev/null || true
kill -TERM $app 2>/dev/null; sleep 1; kill -KILL $app 2>/dev/null
wait $app 2>/dev/null
exit 0
EOF
chmod 755 "$root/tmp/start-check.sh"

start_check() { # start_check LABEL COMMAND...
  local label="$1"; shift
  local t=$SECONDS log="$TARGET/debian12/start-$label"
  in_root timeout 60 xvfb-run -a -s "-screen 0 1280x800x24" /tmp/start-check.sh "$@" > "$log.out" 2>&1 || true
  cp "$root/tmp/start-check/stderr.log" "$log.stderr.log" 2>/dev/null || : > "$log.stderr.log"
  local running db sqlite
  running="$(sed -n 's/^RESULT running-after-5s //p' "$log.out")"
  db="$(sed -n 's/^RESULT db-created-after //p' "$log.out")"
  sqlite="$(sed -n 's/^RESULT db-is-sqlite //p' "$log.out")"
  [ "$running" = yes ] && pass "$label: app still running after 5 s under Xvfb" \
    || { fail "$label: app not running after 5 s: ${running:-no result}"; tail -n 20 "$log.out" "$log.stderr.log"; }
  [ "$db" != never ] && [ -n "$db" ] && [ "$sqlite" = yes ] \
    && pass "$label: created its SQLite database (EXPORTDESK_DB) ${db}s after start" \
    || fail "$label: database not created (after: ${db:-?}, sqlite: ${sqlite:-?})"
  if grep -qiE 'panicked|cannot open the database' "$log.stderr.log"; then
    fail "$label: stderr has a panic or database error:"; grep -iE 'panicked|cannot open' "$log.stderr.log" | head -n 5
  else
    pass "$label: no panic on stderr ($(wc -l < "$log.stderr.log") lines; target/debian12/start-$label.stderr.log)"
  fi
  if [ -s "$root/tmp/start-check/screen.xwd" ] && convert -version 2>/dev/null | grep -q ImageMagick; then
    convert "xwd:$root/tmp/start-check/screen.xwd" "$TARGET/debian12/screenshot-$label.png" 2>/dev/null \
      && info "$label: screenshot target/debian12/screenshot-$label.png"
  fi
  info "$label: start check took $((SECONDS - t))s"
}

start_check deb "$bin"

appimage="$(ls -t "$TARGET"/release/bundle/appimage/*.AppImage 2>/dev/null | head -n 1 || true)"
if [ -n "$appimage" ]; then
  cp "$appimage" "$root/tmp/pkg/ExportDesk.AppImage"
  start_check appimage /tmp/pkg/ExportDesk.AppImage --appimage-extract-and-run
else
  info "no AppImage in target/release/bundle/appimage: AppImage start check skipped"
fi

cleanup
echo "== $passes passed, $failures failed (total $((SECONDS - started))s)"
[ "$failures" -eq 0 ] && echo "RESULT: PASS" || echo "RESULT: FAIL"
[ "$failures" -eq 0 ]
