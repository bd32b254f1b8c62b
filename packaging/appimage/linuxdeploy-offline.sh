#!/usr/bin/env bash
# Offline stand-in for linuxdeploy, run by Tauri's AppImage bundler through linuxdeploy-shim.c.
#
# Tauri has already laid out the AppDir (usr/bin/<binary>, icons, .desktop, .DirIcon, AppRun).
# Where real linuxdeploy would also copy the shared libraries (GTK, WebKitGTK) into it, this one
# does not: the AppImage uses the host's WebKitGTK 4.1 and GTK 3, as the .deb does. It then packs
# the AppDir as SquashFS (mksquashfs, Debian's squashfs-tools) behind the type-2 AppImage runtime
# named by $EXPORTDESK_APPIMAGE_RUNTIME (taken from a crates.io package by scripts/package.sh).
#
# Called as: linuxdeploy --appimage-extract-and-run --verbosity N --appdir DIR --plugin gtk
#            [--plugin gstreamer] --output appimage      with $OUTPUT = the .AppImage to write.
set -euo pipefail

say() { echo "linuxdeploy-offline: $*" >&2; }

appdir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --appdir) appdir="$2"; shift 2 ;;
    --verbosity|--plugin|--output|--desktop-file|--icon-file|--executable|--library) shift 2 ;;
    *) shift ;;
  esac
done

runtime="${EXPORTDESK_APPIMAGE_RUNTIME:-}"
[ -n "$appdir" ] && [ -d "$appdir" ] || { say "no --appdir given or not a folder: '$appdir'"; exit 1; }
[ -n "${OUTPUT:-}" ] || { say "OUTPUT (the AppImage to write) is not set"; exit 1; }
[ -n "$runtime" ] && [ -s "$runtime" ] || { say "EXPORTDESK_APPIMAGE_RUNTIME does not name the AppImage runtime: '$runtime'"; exit 1; }
command -v mksquashfs >/dev/null || { say "mksquashfs is missing (apt-get install squashfs-tools)"; exit 1; }
appdir="$(cd "$appdir" && pwd)"

# Tauri links <AppDir>/<Product>.desktop to an absolute path on the build machine; an AppImage
# must only hold links that resolve inside it, so make every absolute link relative.
while IFS= read -r -d '' link; do
  target="$(readlink "$link")"
  case "$target" in
    "$appdir"/*) ln -sfn "$(realpath --relative-to="$(dirname "$link")" -m "$target")" "$link" ;;
    /*) say "link $link points outside the AppDir: $target"; exit 1 ;;
  esac
done < <(find "$appdir" -type l -print0)

[ -x "$appdir/AppRun" ] || { say "$appdir/AppRun is missing or not executable"; exit 1; }
desktop=("$appdir"/*.desktop)
[ -e "${desktop[0]}" ] || { say "no .desktop file at the top of $appdir"; exit 1; }
[ -e "$appdir/.DirIcon" ] || { say "no .DirIcon in $appdir"; exit 1; }
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "${desktop[0]}" || say "warning: desktop-file-validate complained (above)"
fi

squashfs="$(mktemp "${OUTPUT}.squashfs.XXXXXX")"
trap 'rm -f "$squashfs"' EXIT
# gzip: the compression every type-2 runtime reads; -root-owned: files owned by root, not the builder.
mksquashfs "$appdir" "$squashfs" -root-owned -noappend -comp gzip -no-progress -quiet >&2
cat "$runtime" "$squashfs" > "$OUTPUT"
chmod 755 "$OUTPUT"
say "wrote $OUTPUT ($(du -h "$OUTPUT" | cut -f1), runtime $(stat -c %s "$runtime") bytes + squashfs $(stat -c %s "$squashfs") bytes)"
