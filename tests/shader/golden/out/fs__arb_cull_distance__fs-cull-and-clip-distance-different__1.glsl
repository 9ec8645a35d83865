#version 450 core
in float gl_ClipDistance[8];
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
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
vec4 t21 = vec4(0.0);
vec4 t22 = vec4(0.0);
vec4 t23 = vec4(0.0);
vec4 t24 = vec4(0.0);
vec4 t25 = vec4(0.0);
vec4 t26 = vec4(0.0);
vec4 t27 = vec4(0.0);
vec4 t28 = vec4(0.0);
vec4 t29 = vec4(0.0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t1.x = uintBitsToFloat(1u);
    t0 = uintBitsToFloat(uvec4(0u, 1065353216u, 0u, 1065353216u));
    while (true) {
        t5.x = intBitsToFloat((-int((4 < floatBitsToInt(t1.x)))));
        if (floatBitsToUint(t5.x) != 0u) {
            break;
        }
        t6.xy = uintBitsToFloat((floatBitsToUint(t1.xx) + uvec2(4294967295u, 1u)));
        t7.x = intBitsToFloat((floatBitsToInt(t6.x) >> (2u & 31u)));
        t8.x = intBitsToFloat((-int((floatBitsToInt(t7.x) < 1))));
        t2.x = t6.y;
        if (floatBitsToUint(t8.x) != 0u) {
            t3 = vec4(gl_ClipDistance[0], gl_ClipDistance[1], gl_ClipDistance[2], gl_ClipDistance[3]).xyzw;
        } else {
            t3 = vec4(gl_ClipDistance[4], gl_ClipDistance[5], gl_ClipDistance[6], gl_ClipDistance[7]).xyzw;
        }
        t9.x = uintBitsToFloat((floatBitsToUint(t6.x) & 3u));
        t10.xyz = intBitsToFloat((-ivec3(lessThan(floatBitsToInt(t9.xxx), ivec3(3, 1, 2)))));
        t11.xy = uintBitsToFloat(mix(floatBitsToUint(t3.wy), floatBitsToUint(t3.zx), notEqual(floatBitsToUint(t10.xy), uvec2(0u))));
        t12.x = uintBitsToFloat(((floatBitsToUint(t10.z) != 0u) ? floatBitsToUint(t11.y) : floatBitsToUint(t11.x)));
        t13.x = float(floatBitsToInt(t1.x));
        t14.x = intBitsToFloat((-int((t12.x != t13.x))));
        t15 = uintBitsToFloat(mix(floatBitsToUint(t0.xyzw), uvec4(0u, 0u, 1065353216u, 1065353216u), notEqual(floatBitsToUint(t14.xxxx), uvec4(0u))));
        t16.x = uintBitsToFloat((3u + floatBitsToUint(t1.x)));
        t17.x = intBitsToFloat((floatBitsToInt(t16.x) >> (2u & 31u)));
        t18.x = intBitsToFloat((-int((floatBitsToInt(t17.x) < 1))));
        if (floatBitsToUint(t18.x) != 0u) {
            t4 = vec4(gl_ClipDistance[0], gl_ClipDistance[1], gl_ClipDistance[2], gl_ClipDistance[3]).xyzw;
        } else {
            t4 = vec4(gl_ClipDistance[4], gl_ClipDistance[5], gl_ClipDistance[6], gl_ClipDistance[7]).xyzw;
        }
        t19.x = uintBitsToFloat((floatBitsToUint(t16.x) & 3u));
        t20.xyz = intBitsToFloat((-ivec3(lessThan(floatBitsToInt(t19.xxx), ivec3(3, 1, 2)))));
        t21.xy = uintBitsToFloat(mix(floatBitsToUint(t4.wy), floatBitsToUint(t4.zx), notEqual(floatBitsToUint(t20.xy), uvec2(0u))));
        t22.x = uintBitsToFloat(((floatBitsToUint(t20.z) != 0u) ? floatBitsToUint(t21.y) : floatBitsToUint(t21.x)));
        t23.x = uintBitsToFloat((floatBitsToUint(t1.x) * 5u));
        t24.x = float(floatBitsToInt(t23.x));
        t25.x = intBitsToFloat((-int((t22.x != t24.x))));
        t0 = uintBitsToFloat(mix(floatBitsToUint(t15.xyzw), uvec4(1065353216u, 0u, 0u, 1065353216u), notEqual(floatBitsToUint(t25.xxxx), uvec4(0u))));
        t1.x = t2.x;
    }
    o0 = t0.xyzw;
    pyv_store_outputs();
    return;
}
