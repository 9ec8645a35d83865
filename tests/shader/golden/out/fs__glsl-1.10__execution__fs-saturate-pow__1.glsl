#version 330 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[2]; };
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
    t0.x = clamp(pow(uintBitsToFloat(fs_c0[0].x), uintBitsToFloat(fs_c0[1].x)), 0.0, 1.0);
    t0.y = clamp(pow(uintBitsToFloat(fs_c0[0].y), uintBitsToFloat(fs_c0[1].y)), 0.0, 1.0);
    t0.z = clamp(pow(uintBitsToFloat(fs_c0[0].z), uintBitsToFloat(fs_c0[1].z)), 0.0, 1.0);
    t0.w = clamp(pow(uintBitsToFloat(fs_c0[0].w), uintBitsToFloat(fs_c0[1].w)), 0.0, 1.0);
    t1 = t0.xyzw;
    o0 = (t1.xyzw * vec4(0.5) + vec4(0.25));
    pyv_store_outputs();
    return;
}
