#version 330 core
in V_texcoord0 { vec4 d; } fs_in_texcoord0;
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
uniform sampler2DRectShadow fs_samp0;
uniform vec4 fs_drv_shadow_swizzle_0[2];
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
    o0 = (vec4(textureProj(fs_samp0, fs_in_texcoord0.d.xyzw)) * fs_drv_shadow_swizzle_0[0] + fs_drv_shadow_swizzle_0[1]).xyzw;
    pyv_store_outputs();
    return;
}
