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
}
void main()
{
    o0 = vs_in0.xyzw;
    o1 = uintBitsToFloat(uvec4(0u, 0u, 0u, 1072693248u));
    o2.xy = uintBitsToFloat(uvec2(0u, 1073741824u));
    o3 = uintBitsToFloat(uvec4(0u, 1074266112u, 0u, 1074790400u));
    o4.xy = uintBitsToFloat(uvec2(0u, 1075052544u));
    o2.zw = uintBitsToFloat(uvec2(0u, 1075314688u));
    pyv_store_outputs();
    return;
}
