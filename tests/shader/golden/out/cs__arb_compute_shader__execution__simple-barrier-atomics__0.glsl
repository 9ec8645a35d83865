#version 430 core
layout(local_size_x = 64, local_size_y = 16, local_size_z = 1) in;
layout(binding = 0, offset = 0) uniform atomic_uint ac0_0;
layout(binding = 0, offset = 4) uniform atomic_uint ac0_1;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
vec4 t6 = vec4(0.0);
vec4 t7 = vec4(0.0);
void main()
{
    t0.x = uintBitsToFloat(atomicCounterIncrement(ac0_0));
    memoryBarrier();
    memoryBarrier();
    barrier();
    t1.x = uintBitsToFloat(atomicCounter(ac0_0));
    t2.x = intBitsToFloat((-int((floatBitsToUint(t1.x) == 1024u))));
    if (floatBitsToUint(t2.x) != 0u) {
        t3.x = uintBitsToFloat(atomicCounterIncrement(ac0_1));
    }
    return;
}
