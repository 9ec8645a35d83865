#version 430 core
vec4 o0 = vec4(0.0);
layout(std430) buffer vs_ssbo0 { uint vs_sb0[]; };
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
    o0.x = uintBitsToFloat(vs_sb0[(0u >> 2) + 0u]);
    o0.y = uintBitsToFloat(vs_sb0[(0u >> 2) + 1u]);
    o0.z = uintBitsToFloat(vs_sb0[(0u >> 2) + 2u]);
    o0.w = uintBitsToFloat(vs_sb0[(0u >> 2) + 3u]);
    pyv_store_outputs();
    return;
}
