"""vhost-user-gpu: a virtio-gpu device (2D and virgl 3D) that QEMU drives over vhost-user.

protocol     vhost-user framing (sans-IO)
memory       guest memory regions mapped from the memory table
virtqueue    split rings, indirect descriptors, event index
gpu_commands virtio-gpu commands on the renderer API
display      the VHOST_USER_GPU_* display channel to QEMU (sans-IO)
device       the vhost-user device state machine
server       the socket loop and `main(argv)`
"""
