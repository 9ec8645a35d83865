#version 330 core
in V_texcoord0 { vec4 d; } fs_in_texcoord0;
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[1]; };
uniform sampler1D fs_samp0;
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
    t0.xyz = fs_in_texcoord0.d.xxx;
    t0.w = uintBitsToFloat(fs_c0[0].x);
    o0 = textureLod(fs_samp0, t0.x, t0.w).xyzw;
    pyv_store_outputs();
    return;
}
