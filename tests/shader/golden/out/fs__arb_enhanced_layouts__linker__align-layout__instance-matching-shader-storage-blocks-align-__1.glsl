#version 430 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std430) buffer fs_ssbo0 { uint fs_sb0[]; };
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
    o0.x = uintBitsToFloat(fs_sb0[(0u >> 2) + 0u]);
    o0.y = uintBitsToFloat(fs_sb0[(0u >> 2) + 1u]);
    o0.z = uintBitsToFloat(fs_sb0[(0u >> 2) + 2u]);
    o0.w = uintBitsToFloat(fs_sb0[(0u >> 2) + 3u]);
    pyv_store_outputs();
    return;
}
