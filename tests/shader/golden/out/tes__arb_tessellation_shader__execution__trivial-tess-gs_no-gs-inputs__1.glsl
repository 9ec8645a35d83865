#version 450 core
layout(triangles, equal_spacing, ccw) in;
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
