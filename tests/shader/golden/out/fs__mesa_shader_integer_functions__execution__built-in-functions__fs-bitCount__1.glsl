#version 450 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[3]; };
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
    t0 = intBitsToFloat(bitCount(fs_c0[1].xyzw));
    t1 = intBitsToFloat((-ivec4(notEqual(fs_c0[0].xyzw, floatBitsToUint(t0.xyzw)))));
    t2.xy = uintBitsToFloat((floatBitsToUint(t1.xz) | floatBitsToUint(t1.yw)));
    t3.x = uintBitsToFloat((floatBitsToUint(t2.x) | floatBitsToUint(t2.y)));
    t4 = intBitsToFloat(bitCount(fs_c0[2].xyzw));
    t5 = intBitsToFloat((-ivec4(notEqual(fs_c0[0].xyzw, floatBitsToUint(t4.xyzw)))));
    t6.xy = uintBitsToFloat((floatBitsToUint(t5.xz) | floatBitsToUint(t5.yw)));
    t7.x = uintBitsToFloat((floatBitsToUint(t6.x) | floatBitsToUint(t6.y)));
    t8 = uintBitsToFloat(mix(uvec4(0u, 1065353216u, 0u, 1065353216u), uvec4(0u, 0u, 1065353216u, 1065353216u), notEqual(floatBitsToUint(t7.xxxx), uvec4(0u))));
    t9 = uintBitsToFloat(mix(floatBitsToUint(t8.xyzw), uvec4(1065353216u, 0u, 0u, 1065353216u), notEqual(floatBitsToUint(t3.xxxx), uvec4(0u))));
    o0 = t9.xyzw;
    pyv_store_outputs();
    return;
}
