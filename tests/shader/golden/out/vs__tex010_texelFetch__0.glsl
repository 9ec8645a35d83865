#version 330 core
layout(location = 0) in vec4 vs_in0;
layout(location = 1) in vec4 vs_in1;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_generic0 { vec4 d; } vs_out_generic0;
uniform sampler2DMS vs_samp0;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
void pyv_store_outputs()
{
    gl_Position = o0;
    vs_out_generic0.d = o1;
}
void main()
{
    t0 = vs_in1.xyxw;
    o1 = texelFetch(vs_samp0, floatBitsToInt(t0.xy), floatBitsToInt(t0.w)).xyzw;
    o0 = vs_in0.xyzw;
    pyv_store_outputs();
    return;
}
