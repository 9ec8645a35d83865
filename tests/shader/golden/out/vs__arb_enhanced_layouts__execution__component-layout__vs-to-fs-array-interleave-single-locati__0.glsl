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
}
void main()
{
    o0 = vs_in0.xyzw;
    o1.xyz = uintBitsToFloat(uvec3(0u));
    o2.xyz = uintBitsToFloat(uvec3(1065353216u));
    o3.xyz = uintBitsToFloat(uvec3(1073741824u));
    o4.xyz = uintBitsToFloat(uvec3(1077936128u));
    o5.xyz = uintBitsToFloat(uvec3(1082130432u));
    o6.xyz = uintBitsToFloat(uvec3(1084227584u));
    pyv_store_outputs();
    return;
}
