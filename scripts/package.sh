#!/usr/bin/env bash
# Build ExportDesk's Linux installers with the Tauri bundler (release profile):
#   target/release/bundle/deb/ExportDesk_<version>_amd64.deb
#   target/release/bundle/appimage/ExportDesk_<version>_amd64.AppImage
#
# Usage: scripts/package.sh [--deb-only | --appimage-with-linuxdeploy]
#   --appimage-with-linuxdeploy: let Tauri download linuxdeploy from GitHub as usual (CI, where
#   GitHub is reachable); it bundles GTK/WebKitGTK into the AppImage. Not possible here.
#
# Works with the package registries alone (no GitHub): the Tauri CLI comes from npm (pinned
# below, installed under target/packaging/, not into ui/package.json). Tauri's AppImage step
# normally downloads linuxdeploy, its plugins and AppRun from GitHub; here they are replaced by
# the stand-ins in packaging/appimage/ and the type-2 AppImage runtime shipped in a crates.io
# package. Why and what that means for the AppImage: docs/installers.md.
# Windows (MSI/NSIS) and macOS (DMG) installers are built by .github/workflows/release.yml.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

TAURI_CLI_VERSION="2.12.5"          # @tauri-apps/cli on npm; keep in step with tauri in Cargo.lock
APPIMAGE_CRATE_VERSION="0.4.0"      # crates.io package "appimage" ships assets/runtime-x86_64
APPIMAGE_RUNTIME_SHA256="328e0d745c5c6817048c27bc3e8314871703f8f47ffa81a37cb06cd95a94b323"

want_appimage=1
appimage_tools=offline
for arg in "$@"; do
  case "$arg" in
    --deb-only) want_appimage=0 ;;
    --appimage-with-linuxdeploy) appimage_tools=linuxdeploy ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "package.sh: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
work="$CARGO_TARGET_DIR/packaging"
bundle_dir="$CARGO_TARGET_DIR/release/bundle"
mkdir -p "$work"
started=$SECONDS
step() { echo "== [$((SECONDS - started))s] $*"; }

# --- system packages -------------------------------------------------------------------------
bash scripts/setup-system.sh
extra=()
for p in squashfs-tools desktop-file-utils file; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || extra+=("$p")
done
if [ ${#extra[@]} -gt 0 ]; then
  step "installing ${extra[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${extra[@]}"
fi

# --- UI ----------------------------------------------------------------------------------------
step "building ui/dist"
bash scripts/build-ui.sh

# --- Tauri CLI from npm ------------------------------------------------------------------------
tauri="$work/tauri-cli/node_modules/.bin/tauri"
if [ "$("$tauri" --version 2>/dev/null || true)" != "tauri-cli $TAURI_CLI_VERSION" ]; then
  step "installing @tauri-apps/cli@$TAURI_CLI_VERSION into $work/tauri-cli"
  rm -rf "$work/tauri-cli"
  mkdir -p "$work/tauri-cli"
  npm install --prefix "$work/tauri-cli" --no-audit --no-fund --no-save --no-package-lock \
    "@tauri-apps/cli@$TAURI_CLI_VERSION" >/dev/null
fi
"$tauri" --version

# --- AppImage tools (offline stand-ins) ------------------------------------------------------
appimage_skip_reason=""
prepare_appimage_tools() {
  [ "$(uname -m)" = "x86_64" ] || { appimage_skip_reason="only x86_64 is set up (this is $(uname -m))"; return 1; }
  command -v cc >/dev/null || { appimage_skip_reason="no C compiler (cc) for packaging/appimage/linuxdeploy-shim.c"; return 1; }
  command -v mksquashfs >/dev/null || { appimage_skip_reason="mksquashfs (squashfs-tools) is missing"; return 1; }

  local runtime="$work/appimage/runtime-x86_64"
  mkdir -p "$work/appimage"
  if ! echo "$APPIMAGE_RUNTIME_SHA256  $runtime" | sha256sum -c --status 2>/dev/null; then
    step "fetching the AppImage runtime from crates.io (package appimage $APPIMAGE_CRATE_VERSION)"
    local fetch="$work/appimage/runtime-fetch"
    mkdir -p "$fetch/src"
    : > "$fetch/src/lib.rs"
    cat > "$fetch/Cargo.toml" <<EOF
[package]
name = "appimage-runtime-fetch"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
appimage = "=$APPIMAGE_CRATE_VERSION"

[workspace]
EOF
    if ! cargo fetch --quiet --manifest-path "$fetch/Cargo.toml"; then
      appimage_skip_reason="cargo could not fetch the crates.io package appimage $APPIMAGE_CRATE_VERSION"
      return 1
    fi
    local crate
    crate="$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/appimage-"$APPIMAGE_CRATE_VERSION".crate 2>/dev/null | head -n 1)"
    [ -n "$crate" ] || { appimage_skip_reason="appimage-$APPIMAGE_CRATE_VERSION.crate not in cargo's cache after cargo fetch"; return 1; }
    tar -xzf "$crate" -O "appimage-$APPIMAGE_CRATE_VERSION/assets/runtime-x86_64" > "$runtime"
    if ! echo "$APPIMAGE_RUNTIME_SHA256  $runtime" | sha256sum -c --status; then
      appimage_skip_reason="the runtime in appimage-$APPIMAGE_CRATE_VERSION.crate has an unexpected SHA-256"
      rm -f "$runtime"
      return 1
    fi
  fi
  chmod 755 "$runtime"

  # Tauri looks for its AppImage tools in $XDG_CACHE_HOME/tauri and downloads what is missing.
  local tools="$work/xdg-cache/tauri"
  mkdir -p "$tools"
  # Tauri 2.12 names it linuxdeploy-07333c6-x86_64.AppImage (the linuxdeploy build it pins);
  # earlier 2.x releases linuxdeploy-x86_64.AppImage.
  local ld
  for ld in linuxdeploy-07333c6-x86_64.AppImage linuxdeploy-x86_64.AppImage; do
    cc -O2 -Wall -o "$tools/$ld" packaging/appimage/linuxdeploy-shim.c
    install -m 755 packaging/appimage/linuxdeploy-offline.sh "$tools/$ld.sh"
  done
  install -m 755 packaging/appimage/AppRun "$tools/AppRun-x86_64"
  # Present so that Tauri does not try to download them; the stand-in never runs them.
  for f in linuxdeploy-plugin-gtk.sh linuxdeploy-plugin-gstreamer.sh linuxdeploy-plugin-appimage.AppImage; do
    printf '#!/bin/sh\n# Placeholder (scripts/package.sh): not used by the offline linuxdeploy stand-in.\nexit 0\n' > "$tools/$f"
    chmod 755 "$tools/$f"
  done
  export XDG_CACHE_HOME="$work/xdg-cache"
  export EXPORTDESK_APPIMAGE_RUNTIME="$runtime"
}

bundles="deb"
if [ "$want_appimage" = 1 ] && [ "$appimage_tools" = linuxdeploy ]; then
  bundles="deb,appimage"
  step "AppImage: Tauri downloads linuxdeploy, its GTK plugin and AppRun from GitHub itself"
elif [ "$want_appimage" = 1 ]; then
  if prepare_appimage_tools; then
    bundles="deb,appimage"
  else
    echo "== AppImage: NOT POSSIBLE HERE: $appimage_skip_reason. Building the .deb only (see docs/installers.md)." >&2
  fi
fi

# --- build and bundle ------------------------------------------------------------------------
rm -rf "$bundle_dir/deb" "$bundle_dir/appimage"
step "tauri build --bundles $bundles (release build into $CARGO_TARGET_DIR)"
build_started=$SECONDS
(cd src-tauri && "$tauri" build --ci --bundles "$bundles")
echo "== tauri build took $((SECONDS - build_started))s"

# --- summary ---------------------------------------------------------------------------------
deb="$(ls "$bundle_dir"/deb/*.deb 2>/dev/null | head -n 1)"
[ -n "$deb" ] || { echo "FAIL: no .deb in $bundle_dir/deb" >&2; exit 1; }
echo "== .deb: $deb ($(du -h "$deb" | cut -f1))"
dpkg-deb -f "$deb" Package Version Architecture Installed-Size Depends | sed 's/^/   /'
if [[ "$bundles" == *appimage* ]]; then
  appimage="$(ls "$bundle_dir"/appimage/*.AppImage 2>/dev/null | head -n 1)"
  [ -n "$appimage" ] || { echo "FAIL: no .AppImage in $bundle_dir/appimage" >&2; exit 1; }
  echo "== AppImage: $appimage ($(du -h "$appimage" | cut -f1), squashfs at byte $("$appimage" --appimage-offset))"
  [ "$appimage_tools" = offline ] && \
    echo "   needs WebKitGTK 4.1 + GTK 3 on the host; without libfuse2/FUSE run it with --appimage-extract-and-run"
else
  echo "== AppImage: not built${appimage_skip_reason:+ ($appimage_skip_reason)}"
fi
(cd "$bundle_dir" && sha256sum deb/*.deb appimage/*.AppImage 2>/dev/null) | sed 's/^/   sha256 /'
echo "== done in $((SECONDS - started))s"
