#version 330 core
layout(points) in;
layout(points, max_vertices = 1) out;
in V_generic0 { vec4 d; } gs_in_generic0[];
in V_generic1 { vec4 d; } gs_in_generic1[];
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_generic0 { vec4 d; } gs_out_generic0;
uniform isampler2DArray gs_samp0;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
void pyv_store_outputs()
{
    gl_Position = o0;
    gs_out_generic0.d = o1;
}
void main()
{
    t0 = intBitsToFloat(texelFetch(gs_samp0, floatBitsToInt(gs_in_generic0[0].d.xyz), floatBitsToInt(gs_in_generic0[0].d.w)).xyzw);
    o0 = gs_in_generic1[0].d.xyzw;
    o1 = t0.xyzw;
    pyv_store_outputs();
    EmitVertex();
    pyv_store_outputs();
    return;
}
