#version 330 core
layout(location = 0) in vec4 vs_in0;
vec4 o0 = vec4(0.0);
out V_generic0 { vec4 d; } vs_out_generic0;
vec4 o1 = vec4(0.0);
out V_generic1 { vec4 d; } vs_out_generic1;
vec4 o2 = vec4(0.0);
out V_generic2 { vec4 d; } vs_out_generic2;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
void pyv_store_outputs()
{
    vs_out_generic0.d = o0;
    vs_out_generic1.d = o1;
    vs_out_generic2.d = o2;
}
void main()
{
    o0 = uintBitsToFloat(uvec4(0u, 0u, 0u, 1072168960u));
    o1.xy = uintBitsToFloat(uvec2(0u, 1072693248u));
    o1.zw = uintBitsToFloat(uvec2(0u, 1071644672u));
    o2 = vs_in0.xyzw;
    pyv_store_outputs();
    return;
}
