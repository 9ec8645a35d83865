#version 450 core
in V_generic0 { vec4 d; } fs_in_generic0;
in V_generic1 { vec4 d; } fs_in_generic1;
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
vec4 t18 = vec4(0.0);
vec4 t19 = vec4(0.0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t2.y = (vec4(gl_FragCoord.x, fs_drv_fb_height - gl_FragCoord.y, gl_FragCoord.zw).y * uintBitsToFloat(fs_c0[0].z) + uintBitsToFloat(fs_c0[0].w));
    t2.x = vec4(gl_FragCoord.x, fs_drv_fb_height - gl_FragCoord.y, gl_FragCoord.zw).x;
    t4.xy = intBitsToFloat(ivec2(t2.xy));
    t5 = intBitsToFloat((floatBitsToInt(t4.xyxy) >> (uvec4(1u, 1u, 2u, 2u) & uvec4(31u))));
    t6.xy = uintBitsToFloat((floatBitsToUint(t5.xy) & floatBitsToUint(t4.xy)));
    t7.x = uintBitsToFloat((floatBitsToUint(t6.x) ^ floatBitsToUint(t6.y)));
    t8.x = uintBitsToFloat((floatBitsToUint(t7.x) ^ floatBitsToUint(t5.z)));
    t9.x = uintBitsToFloat((floatBitsToUint(t8.x) ^ floatBitsToUint(t5.w)));
    t10.x = uintBitsToFloat((floatBitsToUint(t9.x) & 1u));
    t11.x = intBitsToFloat((-int((floatBitsToInt(t10.x) < 1))));
    if (floatBitsToUint(t11.x) != 0u) {
        t0.xyz = fs_in_generic0.d.xyz;
    } else {
        t0.xyz = fs_in_generic1.d.xyz;
    }
    if (floatBitsToUint(t11.x) != 0u) {
        t1.xyz = interpolateAtSample(fs_in_generic0.d, 0).xyz;
    } else {
        t1.xyz = interpolateAtSample(fs_in_generic1.d, 0).xyz;
    }
    t12.xyz = (t1.xyz * vec3((-1.0)) + t0.xyz);
    t13.xyz = intBitsToFloat((-ivec3(notEqual(t12.xyz, vec3(0.0)))));
    t14.x = uintBitsToFloat((floatBitsToUint(t13.y) | floatBitsToUint(t13.z)));
    t15.x = uintBitsToFloat((floatBitsToUint(t13.x) | floatBitsToUint(t14.x)));
    t3.yzw = (t12.xyz + vec3(0.5));
    t3.x = uintBitsToFloat(1065353216u);
    t16 = uintBitsToFloat(mix(uvec4(0u, 1065353216u, 0u, 1065353216u), floatBitsToUint(t3.xyzw), notEqual(floatBitsToUint(t15.xxxx), uvec4(0u))));
    o0 = t16.xyzw;
    pyv_store_outputs();
    return;
}
