#!/bin/bash
# Job control gives the server its own process group, so the kill at the end
# reaches the children it forks per client too (a plain kill left thousands
# of idle children holding all memory).
set -m
# Usage (inside unshare -m): cap.sh LISTFILE OUTDIR
mkdir -p /var/tmp/capwork/privtmp
mount --bind /var/tmp/capwork/privtmp /tmp
virgl_test_server --use-egl-surfaceless --multi-clients 2>/var/tmp/capwork/srv.err >/dev/null &
SRV=$!
sleep 1
mkdir -p "$2"
i=0
while read -r f; do
  i=$((i+1))
  name=$(echo "$f" | sed 's#.*/tests/##; s#/#__#g; s#\.shader_test$##')
  VTEST_TEE="$2/$name.bin" LD_PRELOAD=/var/tmp/capwork/tee.so LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=virpipe PIGLIT_PLATFORM=surfaceless_egl timeout 20 /usr/lib/x86_64-linux-gnu/piglit/bin/shader_runner "$f" -auto -fbo >"$2/$name.log" 2>&1
done < "$1"
kill -- -$SRV 2>/dev/null; wait
