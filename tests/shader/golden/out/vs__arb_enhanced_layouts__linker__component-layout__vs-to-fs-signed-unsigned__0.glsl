#version 330 core
vec4 o0 = vec4(0.0);
out V_generic0 { vec4 d; } vs_out_generic0;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
void pyv_store_outputs()
{
    vs_out_generic0.d = o0;
}
void main()
{
    o0.xyz = uintBitsToFloat(uvec3(0u));
    pyv_store_outputs();
    return;
}
