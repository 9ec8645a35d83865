#version 330 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[2]; };
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
    t0.x = clamp((uintBitsToFloat(fs_c0[0].w) + uintBitsToFloat(fs_c0[1].x)), 0.0, 1.0);
    o0 = t0.xxxx;
    pyv_store_outputs();
    return;
}
