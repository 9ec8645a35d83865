#version 330 core
layout(triangles) in;
layout(triangle_strip, max_vertices = 3) out;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_generic0 { vec4 d; } gs_out_generic0;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
void pyv_store_outputs()
{
    gl_Position = o0;
    gs_out_generic0.d = o1;
}
void main()
{
    t1.x = float(ivec4(gl_PrimitiveIDIn, 0, 0, 0).x);
    t0.z = (t1.x * 0.10000000149011612);
    o0 = gl_in[0].gl_Position.xyzw;
    t0.xyw = uintBitsToFloat(uvec3(0u, 1065353216u, 1065353216u));
    o1 = t0.xyzw;
    pyv_store_outputs();
    EmitVertex();
    o0 = gl_in[1].gl_Position.xyzw;
    o1 = t0.xyzw;
    pyv_store_outputs();
    EmitVertex();
    o0 = gl_in[2].gl_Position.xyzw;
    o1 = t0.xyzw;
    pyv_store_outputs();
    EmitVertex();
    pyv_store_outputs();
    return;
}
