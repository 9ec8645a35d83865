#version 330 core
layout(triangles) in;
layout(triangle_strip, max_vertices = 3) out;
vec4 o0 = vec4(0.0);
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
void pyv_store_outputs()
{
    gl_Position = o0;
}
void main()
{
    t0 = (gl_in[0].gl_Position.xyzw + vec4(1.0));
    o0 = t0.xyzw;
    pyv_store_outputs();
    EmitVertex();
    pyv_store_outputs();
    return;
}
