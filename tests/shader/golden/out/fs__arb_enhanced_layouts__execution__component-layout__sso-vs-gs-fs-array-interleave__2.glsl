#version 450 core
in V_generic0 { vec4 d; } fs_in_generic0;
in V_generic1 { vec4 d; } fs_in_generic1;
in V_generic2 { vec4 d; } fs_in_generic2;
in V_generic3 { vec4 d; } fs_in_generic3;
in V_generic4 { vec4 d; } fs_in_generic4;
in V_generic5 { vec4 d; } fs_in_generic5;
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
vec4 t30 = vec4(0.0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t1.x = uintBitsToFloat(0u);
    t0 = uintBitsToFloat(uvec4(1065353216u, 0u, 0u, 1065353216u));
    while (true) {
        t6.x = intBitsToFloat((-int((floatBitsToInt(t1.x) >= 6))));
        if (floatBitsToUint(t6.x) != 0u) {
            break;
        }
        t7.x = float(floatBitsToInt(t1.x));
        t8 = intBitsToFloat((-ivec4(lessThan(floatBitsToInt(t1.xxxx), ivec4(3, 1, 2, 4)))));
        t9.x = t8.y;
        t10.x = t8.w;
        t11.x = t8.z;
        t12.x = t8.x;
        if (floatBitsToUint(t12.x) != 0u) {
            if (floatBitsToUint(t9.x) != 0u) {
                t2.xyz = fs_in_generic0.d.xyz;
            } else {
                if (floatBitsToUint(t11.x) != 0u) {
                    t2.xyz = fs_in_generic1.d.xyz;
                } else {
                    t2.xyz = fs_in_generic2.d.xyz;
                }
            }
        } else {
            if (floatBitsToUint(t10.x) != 0u) {
                t2.xyz = fs_in_generic3.d.xyz;
            } else {
                t13.x = intBitsToFloat((-int((floatBitsToInt(t1.x) < 5))));
                if (floatBitsToUint(t13.x) != 0u) {
                    t2.xyz = fs_in_generic4.d.xyz;
                } else {
                    t2.xyz = fs_in_generic5.d.xyz;
                }
            }
        }
        t14.xyz = intBitsToFloat((-ivec3(notEqual(t2.xyz, t7.xxx))));
        t15.x = uintBitsToFloat((floatBitsToUint(t14.y) | floatBitsToUint(t14.z)));
        t16.x = uintBitsToFloat((floatBitsToUint(t14.x) | floatBitsToUint(t15.x)));
        t0 = uintBitsToFloat(mix(floatBitsToUint(t0.xyzw), uvec4(0u, 1065353216u, 0u, 1065353216u), notEqual(floatBitsToUint(t16.xxxx), uvec4(0u))));
        t1.x = uintBitsToFloat((floatBitsToUint(t1.x) + 1u));
    }
    t3.x = uintBitsToFloat(6u);
    while (true) {
        t17.x = intBitsToFloat((-int((floatBitsToInt(t3.x) >= 12))));
        if (floatBitsToUint(t17.x) != 0u) {
            break;
        }
        t18.xy = uintBitsToFloat((floatBitsToUint(t3.xx) + uvec2(4294967290u, 1u)));
        t19 = intBitsToFloat((-ivec4(lessThan(floatBitsToInt(t18.xxxx), ivec4(3, 1, 2, 4)))));
        t20.x = t19.y;
        t4.x = t18.y;
        t21.x = t19.w;
        t22.x = t19.z;
        t23.x = t19.x;
        if (floatBitsToUint(t23.x) != 0u) {
            if (floatBitsToUint(t20.x) != 0u) {
                t5.x = fs_in_generic0.d.w;
            } else {
                if (floatBitsToUint(t22.x) != 0u) {
                    t5.x = fs_in_generic1.d.w;
                } else {
                    t5.x = fs_in_generic2.d.w;
                }
            }
        } else {
            if (floatBitsToUint(t21.x) != 0u) {
                t5.x = fs_in_generic3.d.w;
            } else {
                t24.x = intBitsToFloat((-int((floatBitsToInt(t18.x) < 5))));
                if (floatBitsToUint(t24.x) != 0u) {
                    t5.x = fs_in_generic4.d.w;
                } else {
                    t5.x = fs_in_generic5.d.w;
                }
            }
        }
        t25.x = float(floatBitsToInt(t3.x));
        t26.x = intBitsToFloat((-int((t5.x != t25.x))));
        t0 = uintBitsToFloat(mix(floatBitsToUint(t0.xyzw), uvec4(0u, 1065353216u, 0u, 1065353216u), notEqual(floatBitsToUint(t26.xxxx), uvec4(0u))));
        t3.x = t4.x;
    }
    o0 = t0.xyzw;
    pyv_store_outputs();
    return;
}
