#version 450 core
layout(triangles, equal_spacing, ccw) in;
vec4 o0 = vec4(0.0);
out V_generic0 { vec4 d; } te_out_generic0;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
vec4 t6 = vec4(0.0);
void pyv_store_outputs()
{
    te_out_generic0.d = o0;
}
void main()
{
    t0.xy = (gl_in[1].gl_Position.xy * vec4(gl_TessCoord, 0.0).yy);
    t1.xy = (gl_in[0].gl_Position.xy * vec4(gl_TessCoord, 0.0).xx + t0.xy);
    t2.xy = (gl_in[2].gl_Position.xy * vec4(gl_TessCoord, 0.0).zz + t1.xy);
    o0.xy = t2.xy;
    pyv_store_outputs();
    return;
}
