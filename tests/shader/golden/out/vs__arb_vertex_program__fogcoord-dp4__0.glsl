#version 330 core
layout(location = 0) in vec4 vs_in0;
layout(location = 1) in vec4 vs_in1;
layout(location = 2) in vec4 vs_in2;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_fog0 { vec4 d; } vs_out_fog0;
layout(std140) uniform vs_cb0 { uvec4 vs_c0[4]; };
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
vec4 t6 = vec4(0.0);
void pyv_store_outputs()
{
    gl_Position = o0;
    vs_out_fog0.d = o1;
}
void main()
{
    t0 = (vs_in0.xxxx * uintBitsToFloat(vs_c0[0].xyzw));
    t1 = (vs_in0.yyyy * uintBitsToFloat(vs_c0[1].xyzw) + t0.xyzw);
    t2 = (vs_in0.zzzz * uintBitsToFloat(vs_c0[2].xyzw) + t1.xyzw);
    o0 = (vs_in0.wwww * uintBitsToFloat(vs_c0[3].xyzw) + t2.xyzw);
    o1.x = dot(vs_in1.xyzw, vs_in2.xyzw);
    pyv_store_outputs();
    return;
}
