#version 420 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[1]; };
layout(rgba32f) uniform image1D fs_img0;
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
vec4 t9 = vec4(0.0);
vec4 t10 = vec4(0.0);
vec4 t11 = vec4(0.0);
vec4 t12 = vec4(0.0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0.y = (vec4(gl_FragCoord.x, fs_drv_fb_height - gl_FragCoord.y, gl_FragCoord.zw).y * uintBitsToFloat(fs_c0[0].z) + uintBitsToFloat(fs_c0[0].w));
    t0.x = vec4(gl_FragCoord.x, fs_drv_fb_height - gl_FragCoord.y, gl_FragCoord.zw).x;
    t3.xy = intBitsToFloat(ivec2(t0.xy));
    t4.x = uintBitsToFloat((floatBitsToUint(t3.y) << (4u & 31u)));
    t5.x = uintBitsToFloat((floatBitsToUint(t3.x) + floatBitsToUint(t4.x)));
    t6.x = uintBitsToFloat((floatBitsToUint(t5.x) & 15u));
    t1.x = t6.x;
    o0 = imageLoad(fs_img0, floatBitsToInt(t1.x)).xyzw;
    t2.x = t6.x;
    imageStore(fs_img0, floatBitsToInt(t2.x), vec4(33.0));
    pyv_store_outputs();
    return;
}
