#version 450 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[2]; };
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0.x = uintBitsToFloat(bitfieldReverse(fs_c0[0].x));
    t1.x = intBitsToFloat((-int((floatBitsToUint(t0.x) != fs_c0[1].x))));
    t2 = uintBitsToFloat(mix(uvec4(0u, 1065353216u, 0u, 1065353216u), uvec4(1065353216u, 0u, 0u, 1065353216u), notEqual(floatBitsToUint(t1.xxxx), uvec4(0u))));
    o0 = t2.xyzw;
    pyv_store_outputs();
    return;
}
