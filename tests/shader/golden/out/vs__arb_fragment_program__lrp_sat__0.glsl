#version 330 core
layout(location = 0) in vec4 vs_in0;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_texcoord0 { vec4 d; } vs_out_texcoord0;
vec4 o2 = vec4(0.0);
out V_texcoord1 { vec4 d; } vs_out_texcoord1;
vec4 o3 = vec4(0.0);
out V_texcoord2 { vec4 d; } vs_out_texcoord2;
layout(std140) uniform vs_cb0 { uvec4 vs_c0[3]; };
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
void pyv_store_outputs()
{
    gl_Position = o0;
    vs_out_texcoord0.d = o1;
    vs_out_texcoord1.d = o2;
    vs_out_texcoord2.d = o3;
}
void main()
{
    o0 = vs_in0.xyzw;
    o1 = uintBitsToFloat(vs_c0[0].xyzw);
    o2 = uintBitsToFloat(vs_c0[1].xyzw);
    o3 = uintBitsToFloat(vs_c0[2].xyzw);
    pyv_store_outputs();
    return;
}
