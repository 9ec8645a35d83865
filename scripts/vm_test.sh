#!/usr/bin/env bash
# Slow, opt-in end-to-end test: a Debian 12 guest runs kmscube on virtio-gpu (virgl) served by
# `pyvirgl vhost-user-gpu` through QEMU's vhost-user-gpu-pci. Not part of `make test`.
#
#   PYVIRGL_VM_TEST=1 scripts/vm_test.sh            # everything: fetch, build the guest, boot, check
#   PYVIRGL_VM_TEST=1 scripts/vm_test.sh fetch      # only QEMU 10 + debootstrap (no root needed)
#   PYVIRGL_VM_TEST=1 scripts/vm_test.sh guest      # only the guest image (root: debootstrap)
#   PYVIRGL_VM_TEST=1 scripts/vm_test.sh boot       # only boot and check (needs fetch + guest)
#
# Nothing is installed on the system: QEMU 10.0.2 comes from bookworm-backports through a private
# apt configuration under $VM_DIR and is unpacked with `dpkg -x`; the guest is a debootstrap tree
# turned into an ext4 image with `mkfs.ext4 -d`. See docs/vhost-user.md.
set -euo pipefail

if [[ "${PYVIRGL_VM_TEST:-}" != 1 ]]; then
    echo "vm_test: skipped (set PYVIRGL_VM_TEST=1 to run the slow VM test)"
    exit 0
fi

REPO="$(cd "$(dirname "$0")/.." && pwd)"
VM_DIR="${VM_DIR:-$HOME/.cache/pyvirgl-vm}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
ACCEL="${VM_ACCEL:-tcg}"          # tcg as in CI; VM_ACCEL=kvm where /dev/kvm is usable
MEM="${VM_MEM:-1536}"             # MiB of guest RAM, shared with the back-end through a memfd
BOOT_TIMEOUT="${VM_BOOT_TIMEOUT:-900}"
PYTHON="${PYTHON:-$REPO/.venv/bin/python}"
APT="$VM_DIR/apt"
QROOT="$VM_DIR/qemu-root"
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
        qemu-system-x86/$bpo qemu-system-data/$bpo qemu-system-common/$bpo seabios
    (cd "$APT/debs" && APT_CONFIG="$APT/apt.conf" apt-get -q download debootstrap)
    rm -rf "$QROOT"
    mkdir -p "$QROOT"
    for deb in "$APT/debs"/*.deb; do dpkg -x "$deb" "$QROOT"; done
    "$QROOT/usr/bin/qemu-system-x86_64" --version | head -1 >&2 || {
        log "the unpacked QEMU does not run (missing libraries?)"; exit 1; }
    "$QROOT/usr/bin/qemu-system-x86_64" -device help 2>/dev/null | grep -q vhost-user-gpu-pci || {
        log "this QEMU has no vhost-user-gpu-pci"; exit 1; }
}

qemu_env() {
    export LD_LIBRARY_PATH="$QROOT/usr/lib/x86_64-linux-gnu:$QROOT/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    export QEMU_MODULE_DIR="$QROOT/usr/lib/x86_64-linux-gnu/qemu"
}

guest() {
    [[ $(id -u) == 0 ]] || { log "building the guest needs root (debootstrap)"; exit 1; }
    local root="$VM_DIR/rootfs"
    rm -rf "$root"
    log "debootstrap bookworm with kmscube (several minutes)"
    DEBOOTSTRAP_DIR="$QROOT/usr/share/debootstrap" "$QROOT/usr/sbin/debootstrap" --variant=minbase \
        --include=linux-image-amd64,kmscube,libgl1-mesa-dri,libegl-mesa0,libgbm1,kmod,udev,procps \
        bookworm "$root" "$MIRROR"
    cat > "$root/vmtest-init" <<'INIT'
#!/bin/sh
# PID 1 of the test guest: start virtio-gpu, run kmscube, report, power off.
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev 2>/dev/null
mkdir -p /dev/pts /tmp; mount -t tmpfs tmp /tmp
modprobe virtio_gpu 2>/dev/null
for i in $(seq 1 30); do [ -e /dev/dri/card0 ] && break; sleep 1; done
echo "VMTEST: dri: $(ls /dev/dri 2>&1)"
dmesg | grep -i -E 'virtio.gpu|virgl|\[drm\]' | sed 's/^/VMTEST: dmesg: /'
echo "VMTEST: kmscube start"
timeout 90 kmscube -c 300 > /tmp/kmscube.log 2>&1 || timeout 90 kmscube > /tmp/kmscube.log 2>&1
echo "VMTEST: kmscube status $?"
sed 's/^/VMTEST: kmscube: /' /tmp/kmscube.log | head -40
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

boot() {
    qemu_env
    local run="$VM_DIR/run"
    rm -rf "$run"; mkdir -p "$run"
    local sock="$run/vgpu.sock" qmp="$run/qmp.sock"
    log "starting pyvirgl vhost-user-gpu on $sock"
    "$PYTHON" -m pyvirgl.frontends.vhost_user.server --socket-path "$sock" -v > "$run/pyvirgl.log" 2>&1 &
    local pv=$!
    for _ in $(seq 1 50); do [[ -S "$sock" ]] && break; sleep 0.2; done
    log "booting the guest ($ACCEL, ${MEM} MiB)"
    "$QROOT/usr/bin/qemu-system-x86_64" \
        -L "$QROOT/usr/share/qemu" -L "$QROOT/usr/share/seabios" \
        -machine q35,accel="$ACCEL" -m "$MEM" -smp 2 \
        -object memory-backend-memfd,id=mem,size="${MEM}M",share=on -numa node,memdev=mem \
        -chardev socket,id=vgpu,path="$sock" -device vhost-user-gpu-pci,chardev=vgpu \
        -vga none -display none -nic none \
        -kernel "$VM_DIR/vmlinuz" -initrd "$VM_DIR/initrd.img" \
        -append "root=LABEL=vmroot rw console=ttyS0 init=/vmtest-init quiet" \
        -drive file="$VM_DIR/rootfs.img",format=raw,if=virtio,snapshot=on \
        -serial file:"$run/serial.log" -qmp unix:"$qmp",server=on,wait=off \
        > "$run/qemu.log" 2>&1 &
    local qemu=$!
    local shots=0 ok=0
    for _ in $(seq 1 "$BOOT_TIMEOUT"); do
        sleep 1
        kill -0 "$qemu" 2>/dev/null || break
        if grep -q "VMTEST: kmscube start" "$run/serial.log" 2>/dev/null && ! grep -q "VMTEST: done" "$run/serial.log"; then
            shots=$((shots + 1))
            python3 - "$qmp" "$run/shot-$shots.ppm" <<'PY' || true
import json, socket, sys
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); f = s.makefile("rw")
f.readline()
for cmd in ({"execute": "qmp_capabilities"}, {"execute": "screendump", "arguments": {"filename": sys.argv[2]}}):
    f.write(json.dumps(cmd) + "\n"); f.flush(); f.readline()
PY
        fi
    done
    kill "$qemu" 2>/dev/null || true
    wait "$qemu" 2>/dev/null || true
    kill "$pv" 2>/dev/null || true
    wait "$pv" 2>/dev/null || true
    grep VMTEST "$run/serial.log" >&2 || true
    # Pass: kmscube ran on virgl and some frame on the display has the cube's many colours.
    if python3 - "$run" <<'PY'
import glob, sys
best = 0
for path in glob.glob(sys.argv[1] + "/shot-*.ppm"):
    data = open(path, "rb").read()
    parts = data.split(b"\n", 3)
    if len(parts) < 4 or parts[0] != b"P6":
        continue
    px = parts[3]
    colours = {px[i:i + 3] for i in range(0, len(px) - 2, 3 * 7)}
    best = max(best, len(colours))
print(f"vm_test: most colours in a screendump: {best}", file=sys.stderr)
sys.exit(0 if best >= 64 else 1)
PY
    then ok=1; fi
    if grep -q "VMTEST: kmscube status 0" "$run/serial.log" && [[ $ok == 1 ]]; then
        log "PASS (logs in $run)"
    else
        log "FAIL (see $run/serial.log, $run/pyvirgl.log, $run/qemu.log)"
        exit 1
    fi
}

case "${1:-all}" in
    fetch) fetch ;;
    guest) guest ;;
    boot) boot ;;
    all) [[ -x "$QROOT/usr/bin/qemu-system-x86_64" ]] || fetch
         [[ -f "$VM_DIR/rootfs.img" ]] || guest
         boot ;;
    *) echo "usage: $0 [fetch|guest|boot|all]" >&2; exit 2 ;;
esac
