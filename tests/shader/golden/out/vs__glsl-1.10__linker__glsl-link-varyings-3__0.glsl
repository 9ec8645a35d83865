#version 330 core
layout(location = 0) in vec4 vs_in0;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_color0 { vec4 d; } vs_out_color0;
vec4 o2 = vec4(0.0);
out V_bcolor0 { vec4 d; } vs_out_bcolor0;
vec4 o3 = vec4(0.0);
out V_generic0 { vec4 d; } vs_out_generic0;
layout(std140) uniform vs_cb0 { uvec4 vs_c0[4]; };
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
vec4 t6 = vec4(0.0);
vec4 t7 = vec4(0.0);
void pyv_store_outputs()
{
    gl_Position = o0;
    vs_out_color0.d = o1;
    vs_out_bcolor0.d = o2;
    vs_out_generic0.d = o3;
}
void main()
{
    t0 = (uintBitsToFloat(vs_c0[1].xyzw) * vs_in0.yyyy);
    t1 = (uintBitsToFloat(vs_c0[0].xyzw) * vs_in0.xxxx + t0.xyzw);
    t2 = (uintBitsToFloat(vs_c0[2].xyzw) * vs_in0.zzzz + t1.xyzw);
    o0 = (uintBitsToFloat(vs_c0[3].xyzw) * vs_in0.wwww + t2.xyzw);
    o2 = uintBitsToFloat(uvec4(0u, 0u, 1056964608u, 1065353216u));
    t7 = uintBitsToFloat(uvec4(0u, 1056964608u, 0u, 1065353216u));
    o1 = t7.xyzw;
    o3 = uintBitsToFloat(uvec4(0u, 0u, 1065353216u, 1065353216u));
    pyv_store_outputs();
    return;
}
