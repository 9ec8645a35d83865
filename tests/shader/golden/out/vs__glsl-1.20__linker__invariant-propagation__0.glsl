#version 330 core
vec4 o0 = vec4(0.0);
layout(std140) uniform vs_cb0 { uvec4 vs_c0[1]; };
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
void pyv_store_outputs()
{
    gl_Position = o0;
}
void main()
{
    o0 = uintBitsToFloat(vs_c0[0].xxxx);
    pyv_store_outputs();
    return;
}
