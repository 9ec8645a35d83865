#version 330 core
layout(location = 0) in vec4 vs_in0;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
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
    vs_out_generic0.d = o1;
}
void main()
{
    t0.x = float(ivec4(gl_InstanceID, 0, 0, 0).x);
    o1.y = (t0.x * (-1.0) + 1.0);
    t1 = (uintBitsToFloat(vs_c0[1].xyzw) * vs_in0.yyyy);
    t2 = (uintBitsToFloat(vs_c0[0].xyzw) * vs_in0.xxxx + t1.xyzw);
    t3 = (uintBitsToFloat(vs_c0[2].xyzw) * vs_in0.zzzz + t2.xyzw);
    o0 = (uintBitsToFloat(vs_c0[3].xyzw) * vs_in0.wwww + t3.xyzw);
    o1.x = t0.x;
    o1.zw = uintBitsToFloat(uvec2(0u, 1065353216u));
    pyv_store_outputs();
    return;
}
