#version 330 core
layout(location = 0) in vec4 vs_in0;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_generic0 { vec4 d; } vs_out_generic0;
vec4 o2 = vec4(0.0);
out V_generic1 { vec4 d; } vs_out_generic1;
vec4 o3 = vec4(0.0);
out V_generic2 { vec4 d; } vs_out_generic2;
vec4 o4 = vec4(0.0);
out V_generic3 { vec4 d; } vs_out_generic3;
vec4 o5 = vec4(0.0);
out V_generic4 { vec4 d; } vs_out_generic4;
vec4 o6 = vec4(0.0);
out V_generic5 { vec4 d; } vs_out_generic5;
vec4 o7 = vec4(0.0);
out V_generic6 { vec4 d; } vs_out_generic6;
layout(std140) uniform vs_cb0 { uvec4 vs_c0[10]; };
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
void pyv_store_outputs()
{
    gl_Position = o0;
    vs_out_generic0.d = o1;
    vs_out_generic1.d = o2;
    vs_out_generic2.d = o3;
    vs_out_generic3.d = o4;
    vs_out_generic4.d = o5;
    vs_out_generic5.d = o6;
    vs_out_generic6.d = o7;
}
void main()
{
    o0 = vs_in0.xyzw;
    o1.yz = uintBitsToFloat(vs_c0[0].xy);
    o2.yz = uintBitsToFloat(vs_c0[1].xy);
    o3.yz = uintBitsToFloat(vs_c0[2].xy);
    o4.yz = uintBitsToFloat(vs_c0[3].xy);
    o3.w = uintBitsToFloat(vs_c0[4].x);
    o4.w = uintBitsToFloat(vs_c0[5].x);
    o5.w = uintBitsToFloat(vs_c0[6].x);
    o6.w = uintBitsToFloat(vs_c0[7].x);
    o7.x = uintBitsToFloat(vs_c0[8].x);
    o7.y = uintBitsToFloat(vs_c0[9].x);
    pyv_store_outputs();
    return;
}
