#version 330 core
layout(location = 0) in vec4 vs_in0;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_texcoord0 { vec4 d; } vs_out_texcoord0;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
void pyv_store_outputs()
{
    gl_Position = o0;
    vs_out_texcoord0.d = o1;
}
void main()
{
    o0 = vs_in0.xyzw;
    o1 = vs_in0.xyzw;
    pyv_store_outputs();
    return;
}
