#version 450 core
layout(quads, equal_spacing, ccw) in;
vec4 o0 = vec4(0.0);
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
    o0 = uintBitsToFloat(uvec4(0u));
    pyv_store_outputs();
    return;
}
