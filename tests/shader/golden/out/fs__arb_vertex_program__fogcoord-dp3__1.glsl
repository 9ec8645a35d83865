#version 330 core
in V_fog0 { vec4 d; } fs_in_fog0;
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    o0.x = fs_in_fog0.d.x;
    o0.yz = uintBitsToFloat(uvec2(0u));
    o0.w = uintBitsToFloat(1065353216u);
    pyv_store_outputs();
    return;
}
