#version 440 core
in V_generic0 { flat vec4 d; } fs_in_generic0;
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[1]; };
layout(rgba16_snorm) readonly uniform image2D fs_img0;
layout(rgba16_snorm) uniform image2D fs_img1;
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
vec4 t13 = vec4(0.0);
vec4 t14 = vec4(0.0);
vec4 t15 = vec4(0.0);
vec4 t16 = vec4(0.0);
vec4 t17 = vec4(0.0);
vec4 t18 = vec4(0.0);
uint pyv_umod(uint a, uint b) { return b == 0u ? 0xffffffffu : a % b; }
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
    t7.x = intBitsToFloat(sign(floatBitsToInt(t5.x)));
    t8.x = intBitsToFloat(abs(floatBitsToInt(t5.x)));
    t9.x = uintBitsToFloat((floatBitsToUint(t8.x) >> (4u & 31u)));
    t10.x = uintBitsToFloat((floatBitsToUint(t7.x) * floatBitsToUint(t9.x)));
    t11.x = uintBitsToFloat(pyv_umod(floatBitsToUint(t10.x), 96u));
    t1.x = t6.x;
    t1.y = t11.x;
    t13 = imageLoad(fs_img0, floatBitsToInt(t1.xy)).xyzw;
    t2.x = t6.x;
    t2.y = t11.x;
    imageStore(fs_img1, floatBitsToInt(t2.xy), t13.xyzw);
    o0 = fs_in_generic0.d.xyzw;
    pyv_store_outputs();
    return;
}
