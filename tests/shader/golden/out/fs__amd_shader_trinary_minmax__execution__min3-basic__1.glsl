#version 330 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[3]; };
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    o0.y = min(uintBitsToFloat(fs_c0[1].x), 0.0);
    t0.x = min(uintBitsToFloat(fs_c0[0].x), 0.5);
    o0.z = min(uintBitsToFloat(fs_c0[1].x), t0.x);
    t1.x = min(uintBitsToFloat(fs_c0[1].x), uintBitsToFloat(fs_c0[0].x));
    o0.w = min(uintBitsToFloat(fs_c0[2].x), t1.x);
    o0.x = uintBitsToFloat(0u);
    pyv_store_outputs();
    return;
}
