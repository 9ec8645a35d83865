#version 450 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[1]; };
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
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0.x = (vec4(gl_FragCoord.x, fs_drv_fb_height - gl_FragCoord.y, gl_FragCoord.zw).y * uintBitsToFloat(fs_c0[0].z) + uintBitsToFloat(fs_c0[0].w));
    t1.x = intBitsToFloat(int(t0.x));
    t2.x = uintBitsToFloat((floatBitsToUint(t1.x) & 1u));
    t3.x = (vec4(gl_FragCoord.x, fs_drv_fb_height - gl_FragCoord.y, gl_FragCoord.zw).x * (-1.0));
    t4.x = intBitsToFloat((-int((floatBitsToUint(t2.x) != 0u))));
    t5.x = uintBitsToFloat(((floatBitsToUint(t4.x) != 0u) ? floatBitsToUint(t3.x) : floatBitsToUint(vec4(gl_FragCoord.x, fs_drv_fb_height - gl_FragCoord.y, gl_FragCoord.zw).x)));
    t6.x = dFdxFine(t5.x);
    t7.x = intBitsToFloat((-int((t6.x >= 0.0))));
    t8.x = intBitsToFloat((-int((floatBitsToUint(t2.x) != 0u))));
    t9.x = uintBitsToFloat((floatBitsToUint(t8.x) & floatBitsToUint(t7.x)));
    t10.x = intBitsToFloat((-int((0.0 >= t6.x))));
    t11.x = uintBitsToFloat((~floatBitsToUint(t8.x)));
    t12.x = uintBitsToFloat((floatBitsToUint(t11.x) & floatBitsToUint(t10.x)));
    t13.x = uintBitsToFloat((floatBitsToUint(t9.x) | floatBitsToUint(t12.x)));
    t14 = uintBitsToFloat(mix(uvec4(0u, 1065353216u, 0u, 1065353216u), uvec4(1065353216u, 0u, 0u, 1065353216u), notEqual(floatBitsToUint(t13.xxxx), uvec4(0u))));
    o0 = t14.xyzw;
    pyv_store_outputs();
    return;
}
