#version 330 core
layout(points) in;
layout(triangle_strip, max_vertices = 6) out;
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
    o0 = uintBitsToFloat(uvec4(3212836864u, 3212836864u, 0u, 1065353216u));
    pyv_store_outputs();
    EmitVertex();
    o0 = uintBitsToFloat(uvec4(1065353216u, 3212836864u, 0u, 1065353216u));
    pyv_store_outputs();
    EmitVertex();
    o0 = uintBitsToFloat(uvec4(3212836864u, 0u, 0u, 1065353216u));
    pyv_store_outputs();
    EmitVertex();
    o0 = uintBitsToFloat(uvec4(1065353216u, 0u, 0u, 1065353216u));
    pyv_store_outputs();
    EmitVertex();
    o0 = uintBitsToFloat(uvec4(3212836864u, 1065353216u, 0u, 1065353216u));
    pyv_store_outputs();
    EmitVertex();
    o0 = uintBitsToFloat(uvec4(1065353216u, 1065353216u, 0u, 1065353216u));
    pyv_store_outputs();
    EmitVertex();
    pyv_store_outputs();
    return;
}
