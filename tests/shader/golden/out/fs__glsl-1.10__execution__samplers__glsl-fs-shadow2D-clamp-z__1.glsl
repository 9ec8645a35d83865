#version 330 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[1]; };
uniform sampler2DShadow fs_samp0;
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
    o0 = (vec4(texture(fs_samp0, uintBitsToFloat(fs_c0[0].xyz))) * fs_drv_shadow_swizzle_0[0] + fs_drv_shadow_swizzle_0[1]).xyzw;
    pyv_store_outputs();
    return;
}
