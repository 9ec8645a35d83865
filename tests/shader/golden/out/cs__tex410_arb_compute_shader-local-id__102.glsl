#version 430 core
layout(local_size_x = 3, local_size_y = 5, local_size_z = 1) in;
layout(binding = 0, offset = 0) uniform atomic_uint ac0_0;
layout(binding = 0, offset = 4) uniform atomic_uint ac0_1;
layout(binding = 0, offset = 8) uniform atomic_uint ac0_2;
layout(binding = 0, offset = 12) uniform atomic_uint ac0_3;
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
vec4 t13 = vec4(0.0);
vec4 t14 = vec4(0.0);
vec4 t15 = vec4(0.0);
vec4 t16 = vec4(0.0);
vec4 t17 = vec4(0.0);
vec4 t18 = vec4(0.0);
vec4 t19 = vec4(0.0);
vec4 t20 = vec4(0.0);
void main()
{
    t0.x = uintBitsToFloat(atomicCounterIncrement(ac0_0));
    t1.x = uintBitsToFloat((uvec4(gl_LocalInvocationID, 0u).x | uvec4(gl_LocalInvocationID, 0u).y));
    t2.xy = intBitsToFloat((-ivec2(equal(floatBitsToUint(t1.xx), uvec2(7u, 5u)))));
    t3.x = t2.y;
    t4.x = t2.x;
    if (floatBitsToUint(t4.x) != 0u) {
        t5.x = uintBitsToFloat(atomicCounterIncrement(ac0_1));
    }
    t6.x = intBitsToFloat((-int((uvec4(gl_LocalInvocationID, 0u).y == 0u))));
    t7.x = intBitsToFloat((-int((uvec4(gl_LocalInvocationID, 0u).x == uvec4(gl_LocalInvocationID, 0u).y))));
    t8.x = uintBitsToFloat((floatBitsToUint(t7.x) & floatBitsToUint(t6.x)));
    if (floatBitsToUint(t8.x) != 0u) {
        t9.x = uintBitsToFloat(atomicCounterIncrement(ac0_2));
    }
    t10.xy = intBitsToFloat((-ivec2(notEqual(uvec4(gl_LocalInvocationID, 0u).yx, uvec2(0u)))));
    t11.x = intBitsToFloat((-int((uvec4(gl_LocalInvocationID, 0u).x != uvec4(gl_LocalInvocationID, 0u).y))));
    t12.x = uintBitsToFloat((floatBitsToUint(t11.x) & floatBitsToUint(t10.x)));
    t13.x = uintBitsToFloat((floatBitsToUint(t12.x) & floatBitsToUint(t10.y)));
    if (floatBitsToUint(t13.x) != 0u) {
        t14.x = uintBitsToFloat(atomicCounterIncrement(ac0_3));
    }
    if (floatBitsToUint(t3.x) != 0u) {
        t15.x = uintBitsToFloat(atomicCounterIncrement(ac0_5));
    }
    t16.x = uintBitsToFloat(atomicCounterIncrement(ac0_7));
    return;
}
