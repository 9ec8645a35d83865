#version 450 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[4]; };
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
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0.xyz = intBitsToFloat((-ivec3(equal(fs_c0[3].xxx, uvec3(0u, 1u, 2u)))));
    t1.x = uintBitsToFloat(((floatBitsToUint(t0.z) != 0u) ? 1048576000u : 0u));
    t2.x = uintBitsToFloat(((floatBitsToUint(t0.y) != 0u) ? 1056964608u : floatBitsToUint(t1.x)));
    t9.x = uintBitsToFloat(((floatBitsToUint(t0.x) != 0u) ? 1065353216u : floatBitsToUint(t2.x)));
    o0.x = t9.x;
    t3.xyz = intBitsToFloat((-ivec3(equal(fs_c0[2].xxx, uvec3(0u, 1u, 2u)))));
    t4.x = uintBitsToFloat(((floatBitsToUint(t3.z) != 0u) ? 1048576000u : 0u));
    t5.x = uintBitsToFloat(((floatBitsToUint(t3.y) != 0u) ? 1056964608u : floatBitsToUint(t4.x)));
    t9.y = uintBitsToFloat(((floatBitsToUint(t3.x) != 0u) ? 1065353216u : floatBitsToUint(t5.x)));
    o0.y = t9.y;
    t6.xyz = intBitsToFloat((-ivec3(equal(fs_c0[0].xxx, uvec3(0u, 1u, 2u)))));
    t7.x = uintBitsToFloat(((floatBitsToUint(t6.z) != 0u) ? 1048576000u : 0u));
    t8.x = uintBitsToFloat(((floatBitsToUint(t6.y) != 0u) ? 1056964608u : floatBitsToUint(t7.x)));
    t9.z = uintBitsToFloat(((floatBitsToUint(t6.x) != 0u) ? 1065353216u : floatBitsToUint(t8.x)));
    o0.z = t9.z;
    o0.w = uintBitsToFloat(1065353216u);
    pyv_store_outputs();
    return;
}
