#version 430 core
layout(location = 0) in vec4 vs_in0;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_generic0 { vec4 d; } vs_out_generic0;
layout(std140) uniform vs_cb0 { uvec4 vs_c0[1]; };
uniform sampler2DArrayShadow vs_samp0;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
void pyv_store_outputs()
{
    gl_Position = o0;
    vs_out_generic0.d = o1;
}
void main()
{
    o1.xyz = intBitsToFloat(ivec4(textureSize(vs_samp0, int(vs_c0[0].x)), textureQueryLevels(vs_samp0)).xyz);
    o0 = vs_in0.xyzw;
    pyv_store_outputs();
    return;
}
