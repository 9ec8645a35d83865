#version 400 core
in V_texcoord0 { vec4 d; } fs_in_texcoord0;
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[1]; };
uniform samplerCubeArrayShadow fs_samp0;
uniform samplerCubeArrayShadow fs_samp1;
uniform vec4 fs_drv_shadow_swizzle_0[2];
uniform vec4 fs_drv_shadow_swizzle_1[2];
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
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0.xy = (uintBitsToFloat(fs_c0[0].xx) + vec2((-0.05000000074505806), 0.05000000074505806));
    t1.x = t0.x;
    t2.x = (vec4(texture(fs_samp0, fs_in_texcoord0.d.xyzw, t1.x)) * fs_drv_shadow_swizzle_0[0] + fs_drv_shadow_swizzle_0[1]).x;
    t3.x = t0.y;
    t4.x = (vec4(texture(fs_samp1, fs_in_texcoord0.d.xyzw, t3.x)) * fs_drv_shadow_swizzle_1[0] + fs_drv_shadow_swizzle_1[1]).x;
    t5.x = (t2.x * t4.x);
    o0 = t5.xxxx;
    pyv_store_outputs();
    return;
}
