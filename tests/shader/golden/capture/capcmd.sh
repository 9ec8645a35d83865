#!/bin/bash
# Job control gives the server its own process group, so the kill at the end
# reaches the children it forks per client too (a plain kill left thousands
# of idle children holding all memory).
set -m
# Usage (inside unshare -m): capcmd.sh CMDFILE OUTDIR ; each line: name|command args
mkdir -p /var/tmp/capwork/privtmp
mount --bind /var/tmp/capwork/privtmp /tmp
virgl_test_server --use-egl-surfaceless --multi-clients 2>/var/tmp/capwork/srv2.err >/dev/null &
SRV=$!
sleep 1
mkdir -p "$2"
cd /usr/lib/x86_64-linux-gnu/piglit/bin
while IFS='|' read -r name cmd; do
  VTEST_TEE="$2/$name.bin" LD_PRELOAD=/var/tmp/capwork/tee.so LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=virpipe PIGLIT_PLATFORM=surfaceless_egl timeout 30 ./$cmd -auto -fbo >"$2/$name.log" 2>&1 < /dev/null
done < "$1"
kill -- -$SRV 2>/dev/null; wait
