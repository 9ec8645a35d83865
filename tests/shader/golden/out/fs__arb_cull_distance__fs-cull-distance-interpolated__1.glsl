#version 450 core
in float gl_ClipDistance[8];
in V_generic0 { vec4 d; } fs_in_generic0;
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[6]; };
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
vec4 t20 = vec4(0.0);
ivec4 addr0 = ivec4(0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t1.x = uintBitsToFloat(0u);
    t0.x = uintBitsToFloat(4294967295u);
    while (true) {
        t3.x = intBitsToFloat((-int((floatBitsToInt(t1.x) >= 6))));
        if (floatBitsToUint(t3.x) != 0u) {
            break;
        }
        t4.x = intBitsToFloat((floatBitsToInt(t1.x) >> (2u & 31u)));
        t5.x = intBitsToFloat((-int((floatBitsToInt(t4.x) < 1))));
        if (floatBitsToUint(t5.x) != 0u) {
            t2 = vec4(gl_ClipDistance[0], gl_ClipDistance[1], gl_ClipDistance[2], gl_ClipDistance[3]).xyzw;
        } else {
            t2 = vec4(gl_ClipDistance[4], gl_ClipDistance[5], gl_ClipDistance[6], gl_ClipDistance[7]).xyzw;
        }
        t6.xy = uintBitsToFloat((floatBitsToUint(t1.xx) & uvec2(3u, 268435455u)));
        t7.xyz = intBitsToFloat((-ivec3(lessThan(floatBitsToInt(t6.xxx), ivec3(3, 1, 2)))));
        t8.xy = uintBitsToFloat(mix(floatBitsToUint(t2.wy), floatBitsToUint(t2.zx), notEqual(floatBitsToUint(t7.xy), uvec2(0u))));
        t9.x = uintBitsToFloat(((floatBitsToUint(t7.z) != 0u) ? floatBitsToUint(t8.y) : floatBitsToUint(t8.x)));
        t10.x = t6.y;
        addr0.x = int(floatBitsToUint(t10.x));
        t11 = uintBitsToFloat(fs_c0[clamp(addr0.x, 0, 5)].xyzw);
        t12.x = dot(t11.xyzw, fs_in_generic0.d.xyzw);
        t13.x = (t12.x / fs_in_generic0.d.w);
        t14.x = (t13.x * (-1.0) + t9.x);
        t15.x = max(t14.x, (-t14.x));
        t16.x = intBitsToFloat((-int((9.999999747378752e-06 < t15.x))));
        t0.x = uintBitsToFloat(((floatBitsToUint(t16.x) != 0u) ? 0u : floatBitsToUint(t0.x)));
        t1.x = uintBitsToFloat((floatBitsToUint(t1.x) + 1u));
    }
    t17 = uintBitsToFloat(mix(uvec4(1065353216u, 0u, 0u, 1065353216u), uvec4(0u, 1065353216u, 0u, 1065353216u), notEqual(floatBitsToUint(t0.xxxx), uvec4(0u))));
    o0 = t17.xyzw;
    pyv_store_outputs();
    return;
}
