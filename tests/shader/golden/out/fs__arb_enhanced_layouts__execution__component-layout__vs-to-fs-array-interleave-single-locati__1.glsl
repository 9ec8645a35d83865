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
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t1.x = uintBitsToFloat(0u);
    t0 = uintBitsToFloat(uvec4(0u, 1065353216u, 0u, 1065353216u));
    while (true) {
        t3.x = intBitsToFloat((-int((floatBitsToInt(t1.x) >= 6))));
        if (floatBitsToUint(t3.x) != 0u) {
            break;
        }
        t4.x = float(floatBitsToInt(t1.x));
        t5 = intBitsToFloat((-ivec4(lessThan(floatBitsToInt(t1.xxxx), ivec4(3, 1, 2, 4)))));
        t6.x = t5.y;
        t7.x = t5.w;
        t8.x = t5.z;
        t9.x = t5.x;
        if (floatBitsToUint(t9.x) != 0u) {
            if (floatBitsToUint(t6.x) != 0u) {
                t2.xyz = fs_in_generic0.d.xyz;
            } else {
                if (floatBitsToUint(t8.x) != 0u) {
                    t2.xyz = fs_in_generic1.d.xyz;
                } else {
                    t2.xyz = fs_in_generic2.d.xyz;
                }
            }
        } else {
            if (floatBitsToUint(t7.x) != 0u) {
                t2.xyz = fs_in_generic3.d.xyz;
            } else {
                t10.x = intBitsToFloat((-int((floatBitsToInt(t1.x) < 5))));
                if (floatBitsToUint(t10.x) != 0u) {
                    t2.xyz = fs_in_generic4.d.xyz;
                } else {
                    t2.xyz = fs_in_generic5.d.xyz;
                }
            }
        }
        t11.xyz = intBitsToFloat((-ivec3(notEqual(t2.xyz, t4.xxx))));
        t12.x = uintBitsToFloat((floatBitsToUint(t11.y) | floatBitsToUint(t11.z)));
        t13.x = uintBitsToFloat((floatBitsToUint(t11.x) | floatBitsToUint(t12.x)));
        t0 = uintBitsToFloat(mix(floatBitsToUint(t0.xyzw), uvec4(1065353216u, 0u, 0u, 1065353216u), notEqual(floatBitsToUint(t13.xxxx), uvec4(0u))));
        t1.x = uintBitsToFloat((floatBitsToUint(t1.x) + 1u));
    }
    o0 = t0.xyzw;
    pyv_store_outputs();
    return;
}
