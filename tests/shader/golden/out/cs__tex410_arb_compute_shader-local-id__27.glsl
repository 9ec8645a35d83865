#version 430 core
layout(local_size_x = 513, local_size_y = 1, local_size_z = 1) in;
layout(binding = 0, offset = 0) uniform atomic_uint ac0_0;
layout(binding = 0, offset = 4) uniform atomic_uint ac0_1;
layout(binding = 0, offset = 8) uniform atomic_uint ac0_2;
layout(binding = 0, offset = 20) uniform atomic_uint ac0_5;
layout(binding = 0, offset = 28) uniform atomic_uint ac0_7;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
vec4 t6 = vec4(0.0);
vec4 t7 = vec4(0.0);
vec4 t8 = vec4(0.0);
vec4 t9 = vec4(0.0);
vec4 t10 = vec4(0.0);
vec4 t11 = vec4(0.0);
vec4 t12 = vec4(0.0);
void main()
{
    t0.x = uintBitsToFloat(atomicCounterIncrement(ac0_0));
    t1.xyz = intBitsToFloat((-ivec3(equal(uvec4(gl_LocalInvocationID, 0u).xxx, uvec3(7u, 5u, 0u)))));
    t2.x = t1.y;
    t3.x = t1.z;
    t4.x = t1.x;
    if (floatBitsToUint(t4.x) != 0u) {
        t5.x = uintBitsToFloat(atomicCounterIncrement(ac0_1));
    }
    if (floatBitsToUint(t3.x) != 0u) {
        t6.x = uintBitsToFloat(atomicCounterIncrement(ac0_2));
    }
    if (floatBitsToUint(t2.x) != 0u) {
        t7.x = uintBitsToFloat(atomicCounterIncrement(ac0_5));
    }
    t8.x = uintBitsToFloat(atomicCounterIncrement(ac0_7));
    return;
}
