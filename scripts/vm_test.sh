#!/usr/bin/env bash
# Slow, opt-in end-to-end test: a Debian 12 guest runs kmscube on virtio-gpu (virgl) served by
# `pyvirgl vhost-user-gpu` through QEMU's vhost-user-gpu-pci. Not part of `make test`.
#
#   PYVIRGL_VM_TEST=1 scripts/vm_test.sh            # everything: fetch, build the guest, boot, check
#   PYVIRGL_VM_TEST=1 scripts/vm_test.sh fetch      # only QEMU 10 + debootstrap, and QEMU 7.2 (no root needed)
#   PYVIRGL_VM_TEST=1 scripts/vm_test.sh guest      # only the guest (root: debootstrap), then `image`
#   PYVIRGL_VM_TEST=1 scripts/vm_test.sh image      # only the guest's init script and ext4 image
#   PYVIRGL_VM_TEST=1 scripts/vm_test.sh boot       # only boot and check (needs fetch + guest)
#
# `boot` runs the guest twice, one QEMU at a time: first on QEMU 7.2's built-in virtio-vga-gl
# (virglrenderer, SDL GL display under Xvfb) for the C frame rate, then on QEMU 10 with
# vhost-user-gpu-pci served by pyvirgl. It passes when, on pyvirgl, kmscube exits 0 reporting a
# "virgl (pyvirgl ...)" renderer and a QMP screendump taken while it runs shows the cube.
#
# Nothing is installed on the system: QEMU 10.0.2 (bookworm-backports) and QEMU 7.2 (bookworm) come
# through a private apt configuration under $VM_DIR and are unpacked with `dpkg -x`; the guest is a
# debootstrap tree turned into an ext4 image with `mkfs.ext4 -d`. Knobs: VM_DIR, VM_ACCEL (tcg),
# VM_MEM, VM_FRAMES (300), VM_BOOT_TIMEOUT, VM_SKIP_C=1, VM_PYVIRGL_ARGS (e.g. -v). See
# docs/vhost-user.md.
set -euo pipefail

if [[ "${PYVIRGL_VM_TEST:-}" != 1 ]]; then
    echo "vm_test: skipped (set PYVIRGL_VM_TEST=1 to run the slow VM test)"
    exit 0
fi

REPO="$(cd "$(dirname "$0")/.." && pwd)"
VM_DIR="${VM_DIR:-$HOME/.cache/pyvirgl-vm}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
ACCEL="${VM_ACCEL:-tcg}"          # tcg by default; VM_ACCEL=kvm where /dev/kvm works
MEM="${VM_MEM:-1536}"             # MiB of guest RAM, shared with the back-end through a memfd
BOOT_TIMEOUT="${VM_BOOT_TIMEOUT:-900}"
PYTHON="${PYTHON:-$REPO/.venv/bin/python}"
APT="$VM_DIR/apt"
QROOT="$VM_DIR/qemu-root"
QROOT72="$VM_DIR/qemu72-root"
mkdir -p "$VM_DIR"

log() { printf 'vm_test: %s\n' "$*" >&2; }

apt_private() {
    mkdir -p "$APT/lists/partial" "$APT/cache/archives/partial" "$APT/debs"
    cat > "$APT/sources.list" <<SRC
deb $MIRROR bookworm main
deb $MIRROR bookworm-backports main
SRC
    cat > "$APT/apt.conf" <<CONF
Dir::Etc::SourceList "$APT/sources.list";
Dir::Etc::SourceParts "/dev/null";
Dir::State::Lists "$APT/lists";
Dir::Cache "$APT/cache";
Dir::Cache::archives "$APT/debs";
Debug::NoLocking "true";
APT::Get::AllowUnauthenticated "false";
CONF
    APT_CONFIG="$APT/apt.conf" apt-get -q update
}

fetch() {
    apt_private
    log "downloading QEMU 10 from bookworm-backports (and what this host lacks for it)"
    # --download-only against the host's dpkg status: fetches QEMU and only the libraries missing here.
    # Only QEMU itself is pinned to backports; its libraries come from bookworm where they can.
    local bpo=bookworm-backports
    APT_CONFIG="$APT/apt.conf" apt-get -q -y --download-only --no-install-recommends install \
        qemu-system-x86/$bpo qemu-system-data/$bpo qemu-system-common/$bpo \
        qemu-system-gui/$bpo seabios/$bpo
    (cd "$APT/debs" && APT_CONFIG="$APT/apt.conf" apt-get -q download debootstrap)
    rm -rf "$QROOT"
    mkdir -p "$QROOT"
    for deb in "$APT/debs"/*.deb; do dpkg -x "$deb" "$QROOT"; done
    qemu_env
    "$QROOT/usr/bin/qemu-system-x86_64" --version | head -1 >&2 || {
        log "the unpacked QEMU does not run (missing libraries?)"; exit 1; }
    "$QROOT/usr/bin/qemu-system-x86_64" -device help 2>/dev/null | grep -q vhost-user-gpu-pci || {
        log "this QEMU has no vhost-user-gpu-pci"; exit 1; }
}

# The C reference: QEMU 7.2 (bookworm) with its built-in virgl (virglrenderer), for the fps comparison.
fetch_c() {
    apt_private
    log "downloading QEMU 7.2 from bookworm (the virtio-vga-gl C path)"
    mkdir -p "$APT/debs72/partial"
    APT_CONFIG="$APT/apt.conf" apt-get -q -y -o Dir::Cache::archives="$APT/debs72" --download-only \
        --no-install-recommends install qemu-system-x86/bookworm qemu-system-data/bookworm \
        qemu-system-common/bookworm qemu-system-gui/bookworm seabios/bookworm
    rm -rf "$QROOT72"
    mkdir -p "$QROOT72"
    for deb in "$APT/debs72"/*.deb; do dpkg -x "$deb" "$QROOT72"; done
    qemu72_env "$QROOT72/usr/bin/qemu-system-x86_64" --version | head -1 >&2
}

# The unpacked libraries; QEMU's modules fail to load without the private libpulsecommon (7.2's
# SDL display is then "not available").
libdirs() {
    local l="$1/usr/lib/x86_64-linux-gnu"
    echo "$l:$1/lib/x86_64-linux-gnu:$l/pulseaudio"
}

qemu72_env() {
    env LD_LIBRARY_PATH="$(libdirs "$QROOT72")" \
        QEMU_MODULE_DIR="$QROOT72/usr/lib/x86_64-linux-gnu/qemu" "$@"
}

qemu_env() {
    export LD_LIBRARY_PATH="$(libdirs "$QROOT")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    export QEMU_MODULE_DIR="$QROOT/usr/lib/x86_64-linux-gnu/qemu"
}

guest() {
    [[ $(id -u) == 0 ]] || { log "building the guest needs root (debootstrap)"; exit 1; }
    local root="$VM_DIR/rootfs"
    rm -rf "$root"
    log "debootstrap bookworm with kmscube (several minutes)"
    DEBOOTSTRAP_DIR="$QROOT/usr/share/debootstrap" "$QROOT/usr/sbin/debootstrap" --variant=minbase \
        --include=linux-image-amd64,initramfs-tools,busybox,kmscube,mesa-utils,libgl1-mesa-dri,libegl-mesa0,libgbm1,kmod,udev,procps \
        bookworm "$root" "$MIRROR"
    image
}

# The guest's init and the ext4 image made from the debootstrap tree (quick; redone by `image`).
image() {
    local root="$VM_DIR/rootfs"
    [[ -d "$root/usr/bin" ]] || { log "no guest tree at $root: run the guest stage"; exit 1; }
    cat > "$root/vmtest-init" <<'INIT'
#!/bin/sh
# PID 1 of the test guest: start virtio-gpu, run kmscube for a fixed number of frames, report,
# power off. vmtest.frames=N on the kernel command line sets the frame count.
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev 2>/dev/null
mkdir -p /dev/pts /tmp; mount -t tmpfs tmp /tmp
frames=300
for arg in $(cat /proc/cmdline); do case "$arg" in vmtest.frames=*) frames=${arg#vmtest.frames=} ;; esac; done
modprobe virtio_gpu 2>/dev/null
for i in $(seq 1 30); do [ -e /dev/dri/card0 ] && break; sleep 1; done
echo "VMTEST: dri: $(ls /dev/dri 2>&1 | tr '\n' ' ')"
dmesg | grep -i -E 'virtio.gpu|virgl|\[drm\]' | sed 's/^/VMTEST: dmesg: /'
echo "VMTEST: kmscube start ($frames frames)"
timeout 300 kmscube --count="$frames" > /tmp/kmscube.log 2>&1
echo "VMTEST: kmscube status $?"
sed 's/^/VMTEST: kmscube: /' /tmp/kmscube.log | grep -v -e 'extensions:' -e 'GL_' | head -40
echo "VMTEST: done"
echo o > /proc/sysrq-trigger
sleep 30
INIT
    chmod +x "$root/vmtest-init"
    cp -L "$root/vmlinuz" "$VM_DIR/vmlinuz"
    cp -L "$root/initrd.img" "$VM_DIR/initrd.img"
    rm -f "$VM_DIR/rootfs.img"
    mkfs.ext4 -q -L vmroot -d "$root" "$VM_DIR/rootfs.img" 3G
}

# run_vm NAME QEMU-COMMAND...: boot the guest image with QEMU-COMMAND (the binary and its device and
# display flags; the common flags are added here), take QMP screendumps while kmscube runs, wait
# until the guest powers off. Logs and screendumps go to $RUN/NAME.
run_vm() {
    local name=$1; shift
    local dir="$RUN/$name"
    mkdir -p "$dir"
    local qmp="$dir/qmp.sock"
    log "$name: booting the guest ($ACCEL, ${MEM} MiB)"
    setsid nice "$@" \
        -machine q35,accel="$ACCEL" -m "$MEM" -smp 2 \
        -object memory-backend-memfd,id=mem,size="${MEM}M",share=on -numa node,memdev=mem \
        -nic none \
        -kernel "$VM_DIR/vmlinuz" -initrd "$VM_DIR/initrd.img" \
        -append "root=LABEL=vmroot rw console=ttyS0 init=/vmtest-init vmtest.frames=${VM_FRAMES:-300} quiet" \
        -drive file="$VM_DIR/rootfs.img",format=raw,if=virtio,snapshot=on \
        -serial file:"$dir/serial.log" -qmp unix:"$qmp",server=on,wait=off \
        > "$dir/qemu.log" 2>&1 &
    local qemu=$! shots=0 t
    for ((t = 0; t < BOOT_TIMEOUT; t++)); do
        sleep 1
        kill -0 "$qemu" 2>/dev/null || break
        if grep -q "VMTEST: kmscube start" "$dir/serial.log" 2>/dev/null \
                && ! grep -q "VMTEST: kmscube status" "$dir/serial.log"; then
            shots=$((shots + 1))
            python3 - "$qmp" "$dir/shot-$shots.ppm" <<'PY' || true
import json, socket, sys
try:  # the guest may be powering off: a missed screendump is no failure
    s = socket.socket(socket.AF_UNIX); s.settimeout(10); s.connect(sys.argv[1]); f = s.makefile("rw")
    f.readline()
    for cmd in ({"execute": "qmp_capabilities"}, {"execute": "screendump", "arguments": {"filename": sys.argv[2]}}):
        f.write(json.dumps(cmd) + "\n"); f.flush(); f.readline()
except OSError:
    pass
PY
        fi
    done
    if kill -0 "$qemu" 2>/dev/null; then
        log "$name: no power-off after ${BOOT_TIMEOUT}s; killing QEMU"
        kill -TERM -- "-$qemu" 2>/dev/null || true
    fi
    wait "$qemu" 2>/dev/null || true
    log "$name: guest finished after ${t}s"
    grep VMTEST "$dir/serial.log" | sed "s/^/  $name: /" >&2 || true
}

# The kmscube frame rate a run reported (its last "Rendered N frames in S sec (F fps)" line).
fps_of() {
    grep -o '([0-9.]* fps)' "$RUN/$1/serial.log" 2>/dev/null | tail -1 | tr -d '()' | cut -d' ' -f1
}

boot() {
    qemu_env
    RUN="$VM_DIR/run"
    rm -rf "$RUN"; mkdir -p "$RUN/pyvirgl"
    local sock="$RUN/pyvirgl/vgpu.sock"
    # The C path first: QEMU 7.2's built-in virtio-vga-gl (virglrenderer) on an SDL GL display
    # under Xvfb, for the frame rate to compare with.
    if [[ "${VM_SKIP_C:-}" != 1 && -x "$QROOT72/usr/bin/qemu-system-x86_64" ]]; then
        run_vm c-virgl xvfb-run -a -s "-screen 0 1280x1024x24" \
            env LD_LIBRARY_PATH="$(libdirs "$QROOT72")" \
            QEMU_MODULE_DIR="$QROOT72/usr/lib/x86_64-linux-gnu/qemu" \
            "$QROOT72/usr/bin/qemu-system-x86_64" \
            -L "$QROOT72/usr/share/qemu" -L "$QROOT72/usr/share/seabios" \
            -vga none -device virtio-vga-gl -display sdl,gl=on
    fi
    log "starting pyvirgl vhost-user-gpu on $sock"
    setsid nice "$PYTHON" -m pyvirgl.frontends.vhost_user.server --socket-path "$sock" ${VM_PYVIRGL_ARGS:-} \
        > "$RUN/pyvirgl/backend.log" 2>&1 &
    local pv=$!
    for _ in $(seq 1 100); do [[ -S "$sock" ]] && break; sleep 0.2; done
    run_vm pyvirgl "$QROOT/usr/bin/qemu-system-x86_64" \
        -L "$QROOT/usr/share/qemu" -L "$QROOT/usr/share/seabios" \
        -chardev socket,id=vgpu,path="$sock" -device vhost-user-gpu-pci,chardev=vgpu \
        -vga none -display none
    # The back-end exits when QEMU leaves; stop it if it did not.
    for _ in $(seq 1 50); do kill -0 "$pv" 2>/dev/null || break; sleep 0.2; done
    kill -TERM -- "-$pv" 2>/dev/null || true
    wait "$pv" 2>/dev/null || true
    # A screendump of the pyvirgl run with the cube: many colours (a blank or text console has few).
    local ok=0
    if python3 - "$RUN/pyvirgl" "$REPO" <<'PY'
import glob, sys
best, best_path = 0, None
for path in glob.glob(sys.argv[1] + "/shot-*.ppm"):
    data = open(path, "rb").read()
    parts = data.split(b"\n", 3)
    if len(parts) < 4 or parts[0] != b"P6":
        continue
    px = parts[3]
    colours = len({px[i:i + 3] for i in range(0, len(px) - 2, 3 * 7)})
    if colours > best:
        best, best_path = colours, path
print(f"vm_test: most colours in a screendump: {best} ({best_path})", file=sys.stderr)
if best_path:
    open(sys.argv[1] + "/best-screendump.ppm", "wb").write(open(best_path, "rb").read())
sys.exit(0 if best >= 64 else 1)
PY
    then ok=1; fi
    if [[ -f "$RUN/pyvirgl/best-screendump.ppm" ]]; then
        "$PYTHON" - "$RUN/pyvirgl/best-screendump.ppm" "$RUN/pyvirgl/best-screendump.png" <<'PY' || true
import sys
import numpy as np
from pyvirgl.tools.png import write_png
data = open(sys.argv[1], "rb").read()
magic, dims, maxval, px = data.split(b"\n", 3)
w, h = map(int, dims.split())
write_png(sys.argv[2], np.frombuffer(px, np.uint8)[:w * h * 3].reshape(h, w, 3))
PY
    fi
    rm -f "$RUN"/*/shot-*.ppm
    log "kmscube fps: pyvirgl (vhost-user-gpu, QEMU 10) $(fps_of pyvirgl || true)," \
        "C virgl (virtio-vga-gl, QEMU 7.2) $(fps_of c-virgl || true)"
    if grep -q "VMTEST: kmscube status 0" "$RUN/pyvirgl/serial.log" \
            && grep -q "VMTEST: kmscube: .*virgl (pyvirgl" "$RUN/pyvirgl/serial.log" && [[ $ok == 1 ]]; then
        log "PASS (logs in $RUN)"
    else
        log "FAIL (see $RUN/pyvirgl/serial.log, backend.log, qemu.log)"
        exit 1
    fi
}

case "${1:-all}" in
    fetch) fetch; fetch_c ;;
    fetch-c) fetch_c ;;
    guest) guest ;;
    image) image ;;
    boot) boot ;;
    all) [[ -x "$QROOT/usr/bin/qemu-system-x86_64" ]] || fetch
         [[ -x "$QROOT72/usr/bin/qemu-system-x86_64" ]] || fetch_c
         [[ -f "$VM_DIR/rootfs.img" ]] || guest
         boot ;;
    *) echo "usage: $0 [fetch|guest|boot|all]" >&2; exit 2 ;;
esac
