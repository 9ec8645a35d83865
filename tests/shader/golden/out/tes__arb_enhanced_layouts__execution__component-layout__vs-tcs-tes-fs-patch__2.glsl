#version 450 core
layout(triangles, equal_spacing, ccw) in;
patch in V_patch0 { vec4 d; } te_in_patch0;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
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
    gl_Position = o0;
    te_out_generic0.d = o1;
}
void main()
{
    t0 = (gl_in[1].gl_Position.xyzw * vec4(gl_TessCoord, 0.0).yyyy);
    t1 = (gl_in[0].gl_Position.xyzw * vec4(gl_TessCoord, 0.0).xxxx + t0.xyzw);
    t2 = (gl_in[2].gl_Position.xyzw * vec4(gl_TessCoord, 0.0).zzzz + t1.xyzw);
    o0 = t2.xyzw;
    o1.yzw = te_in_patch0.d.yzw;
    o1.x = te_in_patch0.d.x;
    pyv_store_outputs();
    return;
}
