#version 330 core
layout(location = 0) in vec4 vs_in0;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_color0 { vec4 d; } vs_out_color0;
layout(std140) uniform vs_cb0 { uvec4 vs_c0[2]; };
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
void pyv_store_outputs()
{
    gl_Position = o0;
    vs_out_color0.d = o1;
}
void main()
{
    t0 = clamp(vec4(greaterThanEqual(uintBitsToFloat(vs_c0[1].xyzw), uintBitsToFloat(vs_c0[0].xyzw))), 0.0, 1.0);
    o0 = vs_in0.xyzw;
    t5 = t0.xyzw;
    o1 = t5.xyzw;
    pyv_store_outputs();
    return;
}
