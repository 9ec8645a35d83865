#version 430 core
layout(local_size_x = 4, local_size_y = 4, local_size_z = 4) in;
layout(binding = 0, offset = 0) uniform atomic_uint ac0_0;
layout(binding = 0, offset = 4) uniform atomic_uint ac0_1;
layout(binding = 0, offset = 8) uniform atomic_uint ac0_2;
layout(binding = 0, offset = 12) uniform atomic_uint ac0_3;
layout(binding = 0, offset = 16) uniform atomic_uint ac0_4;
layout(binding = 0, offset = 20) uniform atomic_uint ac0_5;
layout(binding = 0, offset = 24) uniform atomic_uint ac0_6;
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
vec4 t13 = vec4(0.0);
vec4 t14 = vec4(0.0);
vec4 t15 = vec4(0.0);
vec4 t16 = vec4(0.0);
vec4 t17 = vec4(0.0);
vec4 t18 = vec4(0.0);
vec4 t19 = vec4(0.0);
vec4 t20 = vec4(0.0);
vec4 t21 = vec4(0.0);
vec4 t22 = vec4(0.0);
vec4 t23 = vec4(0.0);
vec4 t24 = vec4(0.0);
vec4 t25 = vec4(0.0);
vec4 t26 = vec4(0.0);
vec4 t27 = vec4(0.0);
vec4 t28 = vec4(0.0);
vec4 t29 = vec4(0.0);
vec4 t30 = vec4(0.0);
void main()
{
    t0.x = uintBitsToFloat((uvec4(gl_LocalInvocationID, 0u).x & uvec4(gl_LocalInvocationID, 0u).y));
    t1.x = uintBitsToFloat((floatBitsToUint(t0.x) & uvec4(gl_LocalInvocationID, 0u).z));
    t2.xy = intBitsToFloat((-ivec2(equal(floatBitsToUint(t1.xx), uvec2(0u, 2u)))));
    t3.x = t2.y;
    t4.x = t2.x;
    if (floatBitsToUint(t4.x) != 0u) {
        t5.x = uintBitsToFloat(atomicCounterIncrement(ac0_0));
    }
    t6.x = uintBitsToFloat((uvec4(gl_LocalInvocationID, 0u).x | uvec4(gl_LocalInvocationID, 0u).y));
    t7.x = uintBitsToFloat((floatBitsToUint(t6.x) | uvec4(gl_LocalInvocationID, 0u).z));
    t8.xy = intBitsToFloat((-ivec2(equal(floatBitsToUint(t7.xx), uvec2(7u, 5u)))));
    t9.x = t8.y;
    t10.x = t8.x;
    if (floatBitsToUint(t10.x) != 0u) {
        t11.x = uintBitsToFloat(atomicCounterIncrement(ac0_1));
    }
    t12.xy = intBitsToFloat((-ivec2(equal(uvec4(gl_LocalInvocationID, 0u).xy, uvec4(gl_LocalInvocationID, 0u).yz))));
    t13.x = uintBitsToFloat((floatBitsToUint(t12.x) & floatBitsToUint(t12.y)));
    if (floatBitsToUint(t13.x) != 0u) {
        t14.x = uintBitsToFloat(atomicCounterIncrement(ac0_2));
    }
    t15.xyz = intBitsToFloat((-ivec3(notEqual(uvec4(gl_LocalInvocationID, 0u).xyx, uvec4(gl_LocalInvocationID, 0u).yzz))));
    t16.x = uintBitsToFloat((floatBitsToUint(t15.x) & floatBitsToUint(t15.y)));
    t17.x = uintBitsToFloat((floatBitsToUint(t16.x) & floatBitsToUint(t15.z)));
    if (floatBitsToUint(t17.x) != 0u) {
        t18.x = uintBitsToFloat(atomicCounterIncrement(ac0_3));
    }
    if (floatBitsToUint(t3.x) != 0u) {
        t19.x = uintBitsToFloat(atomicCounterIncrement(ac0_4));
    }
    if (floatBitsToUint(t9.x) != 0u) {
        t20.x = uintBitsToFloat(atomicCounterIncrement(ac0_5));
    }
    t21.x = uintBitsToFloat(max(uvec4(gl_LocalInvocationID, 0u).x, uvec4(gl_LocalInvocationID, 0u).y));
    t22.x = uintBitsToFloat(max(floatBitsToUint(t21.x), uvec4(gl_LocalInvocationID, 0u).z));
    t23.x = intBitsToFloat((-int((floatBitsToUint(t22.x) < 2u))));
    if (floatBitsToUint(t23.x) != 0u) {
        t24.x = uintBitsToFloat(atomicCounterIncrement(ac0_6));
    }
    t25.x = intBitsToFloat((-int((floatBitsToUint(t22.x) >= 2u))));
    if (floatBitsToUint(t25.x) != 0u) {
        t26.x = uintBitsToFloat(atomicCounterIncrement(ac0_7));
    }
    return;
}
