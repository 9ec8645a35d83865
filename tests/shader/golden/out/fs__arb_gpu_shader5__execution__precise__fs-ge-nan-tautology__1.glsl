#version 450 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[5]; };
precise vec4 t0 = vec4(0.0);
precise vec4 t1 = vec4(0.0);
precise vec4 t2 = vec4(0.0);
precise vec4 t3 = vec4(0.0);
precise vec4 t4 = vec4(0.0);
precise vec4 t5 = vec4(0.0);
vec4 t6 = vec4(0.0);
precise vec4 t7 = vec4(0.0);
vec4 t8 = vec4(0.0);
vec4 t9 = vec4(0.0);
vec4 t10 = vec4(0.0);
vec4 t11 = vec4(0.0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0.x = (uintBitsToFloat(fs_c0[0].x) / uintBitsToFloat(fs_c0[1].x));
    t1.x = max(t0.x, (-t0.x));
    t2.x = (uintBitsToFloat(fs_c0[2].x) / uintBitsToFloat(fs_c0[3].x));
    t3.x = max(t2.x, (-t2.x));
    t4.x = (t3.x * (-1.0));
    t5.x = intBitsToFloat((-int((t1.x >= t4.x))));
    t6.x = uintBitsToFloat(fs_c0[4].x);
    t7.x = intBitsToFloat((-int((floatBitsToUint(t6.x) == floatBitsToUint(t5.x)))));
    t8 = uintBitsToFloat(mix(uvec4(1065353216u, 0u, 0u, 1065353216u), uvec4(0u, 1065353216u, 0u, 1065353216u), notEqual(floatBitsToUint(t7.xxxx), uvec4(0u))));
    o0 = t8.xyzw;
    pyv_store_outputs();
    return;
}
