#version 450 core
layout(triangles, equal_spacing, ccw) in;
in V_generic0 { vec4 d; } te_in_generic0[];
in V_generic1 { vec4 d; } te_in_generic1[];
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_generic0 { vec4 d; } te_out_generic0;
vec4 o2 = vec4(0.0);
out V_generic1 { vec4 d; } te_out_generic1;
vec4 o3 = vec4(0.0);
out V_generic2 { vec4 d; } te_out_generic2;
vec4 o4 = vec4(0.0);
out V_generic3 { vec4 d; } te_out_generic3;
vec4 o5 = vec4(0.0);
out V_generic4 { vec4 d; } te_out_generic4;
vec4 o6 = vec4(0.0);
out V_generic5 { vec4 d; } te_out_generic5;
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
    te_out_generic1.d = o2;
    te_out_generic2.d = o3;
    te_out_generic3.d = o4;
    te_out_generic4.d = o5;
    te_out_generic5.d = o6;
}
void main()
{
    t0 = (gl_in[1].gl_Position.xyzw * vec4(gl_TessCoord, 0.0).yyyy);
    t1 = (gl_in[0].gl_Position.xyzw * vec4(gl_TessCoord, 0.0).xxxx + t0.xyzw);
    t2 = (gl_in[2].gl_Position.xyzw * vec4(gl_TessCoord, 0.0).zzzz + t1.xyzw);
    o0 = t2.xyzw;
    o1.x = te_in_generic0[0].d.x;
    o2.x = te_in_generic0[0].d.z;
    o3.x = te_in_generic0[0].d.w;
    o4.x = te_in_generic1[0].d.x;
    o5.x = te_in_generic1[0].d.y;
    o6.x = te_in_generic1[0].d.z;
    o1.y = te_in_generic0[0].d.y;
    pyv_store_outputs();
    return;
}
