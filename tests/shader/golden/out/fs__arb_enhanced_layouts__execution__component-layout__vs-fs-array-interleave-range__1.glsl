#version 450 core
in V_generic0 { vec4 d; } fs_in_generic0;
in V_generic1 { vec4 d; } fs_in_generic1;
in V_generic2 { vec4 d; } fs_in_generic2;
in V_generic3 { vec4 d; } fs_in_generic3;
in V_generic4 { vec4 d; } fs_in_generic4;
in V_generic5 { vec4 d; } fs_in_generic5;
in V_generic6 { flat vec4 d; } fs_in_generic6;
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[1]; };
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
vec4 t31 = vec4(0.0);
vec4 t32 = vec4(0.0);
vec4 t33 = vec4(0.0);
vec4 t34 = vec4(0.0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0.x = uintBitsToFloat(0u);
    while (true) {
        t7.x = intBitsToFloat((-int((floatBitsToInt(t0.x) >= int(fs_c0[0].x)))));
        if (floatBitsToUint(t7.x) != 0u) {
            t1.x = uintBitsToFloat(0u);
            break;
        }
        t8 = intBitsToFloat((-ivec4(lessThan(floatBitsToInt(t0.xxxx), ivec4(2, 1, 3, 1)))));
        t9.x = t8.y;
        t10.x = t8.w;
        t11.x = t8.z;
        t12.x = t8.x;
        if (floatBitsToUint(t12.x) != 0u) {
            if (floatBitsToUint(t9.x) != 0u) {
                t2.xy = fs_in_generic0.d.yz;
            } else {
                t2.xy = fs_in_generic1.d.yz;
            }
        } else {
            if (floatBitsToUint(t11.x) != 0u) {
                t2.xy = fs_in_generic2.d.yz;
            } else {
                t2.xy = fs_in_generic3.d.yz;
            }
        }
        t13.x = float(floatBitsToInt(t0.x));
        t14.x = (2.0 * t13.x);
        t15.x = intBitsToFloat((-int((t2.x != t14.x))));
        if (floatBitsToUint(t15.x) != 0u) {
            t16.x = (t13.x * 0.10000000149011612);
            t17.x = (t2.x * 0.10000000149011612);
            t3.xy = uintBitsToFloat(uvec2(1065353216u, 0u));
            t3.z = t16.x;
            t3.w = t17.x;
            t1.x = uintBitsToFloat(4294967295u);
            break;
        }
        t18.x = (t14.x + 1.0);
        t19.x = intBitsToFloat((-int((t2.y != t18.x))));
        if (floatBitsToUint(t19.x) != 0u) {
            t20.x = (t13.x * 0.10000000149011612);
            t21.x = (t2.y * 0.10000000149011612);
            t3.xy = uintBitsToFloat(uvec2(1065353216u, 1048576000u));
            t3.z = t20.x;
            t3.w = t21.x;
            t1.x = uintBitsToFloat(4294967295u);
            break;
        }
        if (floatBitsToUint(t12.x) != 0u) {
            if (floatBitsToUint(t10.x) != 0u) {
                t4.x = fs_in_generic2.d.w;
            } else {
                t4.x = fs_in_generic3.d.w;
            }
        } else {
            t22.x = intBitsToFloat((-int((floatBitsToInt(t0.x) < 3))));
            if (floatBitsToUint(t22.x) != 0u) {
                t4.x = fs_in_generic4.d.w;
            } else {
                t4.x = fs_in_generic5.d.w;
            }
        }
        t23.x = (8.0 + t13.x);
        t24.x = intBitsToFloat((-int((t4.x != t23.x))));
        if (floatBitsToUint(t24.x) != 0u) {
            t25.x = (t13.x * 0.10000000149011612);
            t26.x = (t4.x * 0.10000000149011612);
            t3.xy = uintBitsToFloat(uvec2(1065353216u, 1056964608u));
            t3.z = t25.x;
            t3.w = t26.x;
            t1.x = uintBitsToFloat(4294967295u);
            break;
        }
        t0.x = uintBitsToFloat((floatBitsToUint(t0.x) + 1u));
    }
    t6.w = (fs_in_generic6.d.x * 0.10000000149011612);
    t5.z = (fs_in_generic6.d.y * 0.10000000149011612);
    t5.xy = uintBitsToFloat(uvec2(1065353216u, 0u));
    t27.x = intBitsToFloat((-int((fs_in_generic6.d.y != 13.0))));
    t28 = uintBitsToFloat(mix(uvec4(0u, 1065353216u, 0u, 1065353216u), floatBitsToUint(t5.xxyz), notEqual(floatBitsToUint(t27.xxxx), uvec4(0u))));
    t29.x = intBitsToFloat((-int((fs_in_generic6.d.x != 12.0))));
    t6.xyz = uintBitsToFloat(uvec3(1065353216u, 1061158912u, 0u));
    t30 = uintBitsToFloat(mix(floatBitsToUint(t28.xyzw), floatBitsToUint(t6.xyzw), notEqual(floatBitsToUint(t29.xxxx), uvec4(0u))));
    t31 = uintBitsToFloat(mix(floatBitsToUint(t30.xyzw), floatBitsToUint(t3.xyzw), notEqual(floatBitsToUint(t1.xxxx), uvec4(0u))));
    o0 = t31.xyzw;
    pyv_store_outputs();
    return;
}
