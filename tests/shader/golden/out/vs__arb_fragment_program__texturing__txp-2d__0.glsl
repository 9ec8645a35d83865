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
    o1.xy = (vs_in0.xy + vec2(1.0));
    o0 = vs_in0.xyzw;
    o1.z = uintBitsToFloat(0u);
    o1.w = uintBitsToFloat(1073741824u);
    pyv_store_outputs();
    return;
}
