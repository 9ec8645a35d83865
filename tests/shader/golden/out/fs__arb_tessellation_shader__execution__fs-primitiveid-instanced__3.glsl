#version 330 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0.x = float(ivec4(gl_PrimitiveID, 0, 0, 0).x);
    o0.z = (t0.x * 0.10000000149011612);
    o0.xyw = uintBitsToFloat(uvec3(0u, 1065353216u, 1065353216u));
    pyv_store_outputs();
    return;
}
