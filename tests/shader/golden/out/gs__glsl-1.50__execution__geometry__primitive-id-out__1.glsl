#version 330 core
layout(points) in;
layout(triangle_strip, max_vertices = 4) out;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
vec4 o2 = vec4(0.0);
out V_generic0 { vec4 d; } gs_out_generic0;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
void pyv_store_outputs()
{
    gl_Position = o0;
    gl_PrimitiveID = floatBitsToInt(o1.x);
    gs_out_generic0.d = o2;
}
void main()
{
    o1.x = uintBitsToFloat(1000u);
    o0 = uintBitsToFloat(uvec4(3212836864u, 3212836864u, 0u, 1065353216u));
    o2.x = uintBitsToFloat(0u);
    pyv_store_outputs();
    EmitVertex();
    o1.x = uintBitsToFloat(1000u);
    o0 = uintBitsToFloat(uvec4(3212836864u, 1065353216u, 0u, 1065353216u));
    o2.x = uintBitsToFloat(1u);
    pyv_store_outputs();
    EmitVertex();
    o1.x = uintBitsToFloat(10u);
    o0 = uintBitsToFloat(uvec4(1065353216u, 3212836864u, 0u, 1065353216u));
    o2.x = uintBitsToFloat(2u);
    pyv_store_outputs();
    EmitVertex();
    o1.x = uintBitsToFloat(20u);
    o0 = uintBitsToFloat(uvec4(1065353216u, 1065353216u, 0u, 1065353216u));
    o2.x = uintBitsToFloat(3u);
    pyv_store_outputs();
    EmitVertex();
    pyv_store_outputs();
    return;
}
