#version 450 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[1]; };
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
    t5 = intBitsToFloat(max(ivec4(gl_Layer, 0, 0, 0).xyzw, ivec4(gl_Layer, 0, 0, 0).xyzw));
    t0.x = intBitsToFloat((-int((floatBitsToUint(t5.x) == fs_c0[0].x))));
    t1 = uintBitsToFloat(mix(uvec4(1065353216u, 0u, 0u, 0u), uvec4(0u, 1065353216u, 0u, 0u), notEqual(floatBitsToUint(t0.xxxx), uvec4(0u))));
    o0 = t1.xyzw;
    pyv_store_outputs();
    return;
}
