#version 330 core
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(location = 1) out vec4 fs_color1;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
void pyv_store_outputs()
{
    fs_color0 = o0;
    fs_color1 = o1;
}
void main()
{
    o0.xy = uintBitsToFloat(uvec2(0u));
    o1.xy = uintBitsToFloat(uvec2(1056964608u));
    o1.zw = uintBitsToFloat(uvec2(1065353216u));
    pyv_store_outputs();
    return;
}
