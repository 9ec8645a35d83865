#version 420 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[4]; };
writeonly uniform image2D fs_imgs[4];
uniform float fs_drv_fb_height;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
vec4 t6 = vec4(0.0);
vec4 t7 = vec4(0.0);
vec4 t8 = vec4(0.0);
ivec4 addr0 = ivec4(0);
ivec4 addr1 = ivec4(0);
ivec4 addr2 = ivec4(0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0.y = (vec4(gl_FragCoord.x, fs_drv_fb_height - gl_FragCoord.y, gl_FragCoord.zw).y * uintBitsToFloat(fs_c0[3].z) + uintBitsToFloat(fs_c0[3].w));
    t0.x = vec4(gl_FragCoord.x, fs_drv_fb_height - gl_FragCoord.y, gl_FragCoord.zw).x;
    t1.xy = intBitsToFloat(ivec2(t0.xy));
    t2.x = uintBitsToFloat((fs_c0[1].x << (1u & 31u)));
    t3.x = uintBitsToFloat((floatBitsToUint(t2.x) + fs_c0[2].x));
    addr2.x = int(floatBitsToUint(t3.x));
    imageStore(fs_imgs[clamp(addr2.x, 0, 3)], floatBitsToInt(t1.xy), uintBitsToFloat(fs_c0[0].xyzw));
    o0 = uintBitsToFloat(uvec4(0u, 0u, 0u, 1065353216u));
    pyv_store_outputs();
    return;
}
