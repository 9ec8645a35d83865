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
vec4 t6 = vec4(0.0);
vec4 t7 = vec4(0.0);
vec4 t8 = vec4(0.0);
vec4 t9 = vec4(0.0);
vec4 t10 = vec4(0.0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0.x = min(uintBitsToFloat(fs_c0[1].x), 0.5);
    o0.y = clamp(t0.x, 0.0, 1.0);
    t1.x = min(uintBitsToFloat(fs_c0[1].x), uintBitsToFloat(fs_c0[0].x));
    t2.x = min(uintBitsToFloat(fs_c0[0].x), 0.5);
    t3.x = max(t0.x, t2.x);
    o0.z = max(t1.x, t3.x);
    t4.x = min(uintBitsToFloat(fs_c0[2].x), uintBitsToFloat(fs_c0[1].x));
    t5.x = min(uintBitsToFloat(fs_c0[2].x), uintBitsToFloat(fs_c0[0].x));
    t6.x = max(t5.x, t1.x);
    o0.w = max(t4.x, t6.x);
    o0.x = uintBitsToFloat(1056964608u);
    pyv_store_outputs();
    return;
}
