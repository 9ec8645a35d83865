#version 330 core
layout(location = 0) in vec4 vs_in0;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_generic0 { vec4 d; } vs_out_generic0;
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
    o0 = vs_in0.xyzw;
    o1.yzw = uintBitsToFloat(uvec3(0u, 1065353216u, 1065353216u));
    o1.x = uintBitsToFloat(1065353216u);
    pyv_store_outputs();
    return;
}
