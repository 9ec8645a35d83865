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
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t1.x = uintBitsToFloat(0u);
    t0 = uintBitsToFloat(uvec4(1065353216u, 0u, 0u, 1065353216u));
    while (true) {
        t4.x = intBitsToFloat((-int((floatBitsToInt(t1.x) >= 6))));
        if (floatBitsToUint(t4.x) != 0u) {
            break;
        }
        t5 = intBitsToFloat((-ivec4(lessThan(floatBitsToInt(t1.xxxx), ivec4(3, 1, 2, 4)))));
        t6.x = t5.y;
        t7.x = t5.w;
        t8.x = t5.z;
        t9.x = t5.x;
        if (floatBitsToUint(t9.x) != 0u) {
            if (floatBitsToUint(t6.x) != 0u) {
                t2.x = fs_in_generic0.d.x;
            } else {
                if (floatBitsToUint(t8.x) != 0u) {
                    t2.x = fs_in_generic1.d.x;
                } else {
                    t2.x = fs_in_generic2.d.x;
                }
            }
        } else {
            if (floatBitsToUint(t7.x) != 0u) {
                t2.x = fs_in_generic3.d.x;
            } else {
                t10.x = intBitsToFloat((-int((floatBitsToInt(t1.x) < 5))));
                if (floatBitsToUint(t10.x) != 0u) {
                    t2.x = fs_in_generic4.d.x;
                } else {
                    t2.x = fs_in_generic5.d.x;
                }
            }
        }
        t11.x = float(floatBitsToInt(t1.x));
        t12.x = intBitsToFloat((-int((t2.x != t11.x))));
        t0 = uintBitsToFloat(mix(floatBitsToUint(t0.xyzw), uvec4(0u, 1065353216u, 0u, 1065353216u), notEqual(floatBitsToUint(t12.xxxx), uvec4(0u))));
        t1.x = uintBitsToFloat((floatBitsToUint(t1.x) + 1u));
    }
    t3.x = uintBitsToFloat(6u);
    while (true) {
        t13.x = intBitsToFloat((-int((floatBitsToInt(t3.x) >= 7))));
        if (floatBitsToUint(t13.x) != 0u) {
            break;
        }
        t14.x = float(floatBitsToInt(t3.x));
        t15.x = intBitsToFloat((-int((fs_in_generic0.d.y != t14.x))));
        t0 = uintBitsToFloat(mix(floatBitsToUint(t0.xyzw), uvec4(0u, 1065353216u, 0u, 1065353216u), notEqual(floatBitsToUint(t15.xxxx), uvec4(0u))));
        t3.x = uintBitsToFloat((floatBitsToUint(t3.x) + 1u));
    }
    o0 = t0.xyzw;
    pyv_store_outputs();
    return;
}
