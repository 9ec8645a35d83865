#version 330 core
layout(triangles) in;
layout(triangle_strip, max_vertices = 3) out;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
void pyv_store_outputs()
{

}
void main()
{
    pyv_store_outputs();
    return;
}
