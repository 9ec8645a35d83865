#version 420 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[2]; };
writeonly uniform image2D fs_img2;
uniform float fs_drv_fb_height;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
vec4 t6 = vec4(0.0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0.y = (vec4(gl_FragCoord.x, fs_drv_fb_height - gl_FragCoord.y, gl_FragCoord.zw).y * uintBitsToFloat(fs_c0[1].z) + uintBitsToFloat(fs_c0[1].w));
    t0.x = vec4(gl_FragCoord.x, fs_drv_fb_height - gl_FragCoord.y, gl_FragCoord.zw).x;
    t1.xy = intBitsToFloat(ivec2(t0.xy));
    imageStore(fs_img2, floatBitsToInt(t1.xy), uintBitsToFloat(fs_c0[0].xyzw));
    o0 = uintBitsToFloat(uvec4(0u, 0u, 0u, 1065353216u));
    pyv_store_outputs();
    return;
}
