#version 330 core
in V_generic0 { vec4 d; } fs_in_generic0;
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
uniform sampler1DArrayShadow fs_samp0;
uniform vec4 fs_drv_shadow_swizzle_0[2];
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
    t0.xz = fs_in_generic0.d.xy;
    t0.y = uintBitsToFloat(0u);
    o0 = (vec4(texture(fs_samp0, t0.xyz)) * fs_drv_shadow_swizzle_0[0] + fs_drv_shadow_swizzle_0[1]).xyzw;
    pyv_store_outputs();
    return;
}
