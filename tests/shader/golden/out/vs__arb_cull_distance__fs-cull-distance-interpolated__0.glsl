#version 450 core
layout(location = 0) in vec4 vs_in0;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
vec4 o2 = vec4(0.0);
vec4 o3 = vec4(0.0);
out V_generic0 { vec4 d; } vs_out_generic0;
layout(std140) uniform vs_cb0 { uvec4 vs_c0[6]; };
vec4 ta1[2];
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
ivec4 addr0 = ivec4(0);
out float gl_CullDistance[6];
void pyv_store_outputs()
{
    gl_Position = o0;
    gl_CullDistance[0] = o1.x;
    gl_CullDistance[1] = o1.y;
    gl_CullDistance[2] = o1.z;
    gl_CullDistance[3] = o1.w;
    gl_CullDistance[4] = o2.x;
    gl_CullDistance[5] = o2.y;
    vs_out_generic0.d = o3;
}
void main()
{
    ta1[0] = uintBitsToFloat(uvec4(0u));
    ta1[1] = uintBitsToFloat(uvec4(0u));
    t2.x = uintBitsToFloat(0u);
    while (true) {
        t7.x = intBitsToFloat((-int((floatBitsToInt(t2.x) >= 6))));
        if (floatBitsToUint(t7.x) != 0u) {
            break;
        }
        t8.x = intBitsToFloat((floatBitsToInt(t2.x) >> (2u & 31u)));
        t9.x = uintBitsToFloat((0u + floatBitsToUint(t8.x)));
        addr0.x = int(floatBitsToUint(t9.x));
        t10 = ta1[clamp(addr0.x, 0, 1)].xyzw;
        t11.xy = uintBitsToFloat((floatBitsToUint(t2.xx) & uvec2(268435455u, 3u)));
        t12.x = t11.x;
        addr0.x = int(floatBitsToUint(t12.x));
        t13 = uintBitsToFloat(vs_c0[clamp(addr0.x, 0, 5)].xyzw);
        t14.x = dot(t13.xyzw, vs_in0.xyzw);
        t15.x = (t14.x / vs_in0.w);
        t3.x = t15.x;
        t3.yzw = t10.yzw;
        t16 = intBitsToFloat((-ivec4(equal(floatBitsToUint(t11.yyyy), uvec4(0u, 1u, 2u, 3u)))));
        t17 = uintBitsToFloat(mix(floatBitsToUint(t10.xyzw), floatBitsToUint(t3.xyzw), notEqual(floatBitsToUint(t16.xxxx), uvec4(0u))));
        t4.xzw = t17.xzw;
        t4.y = t15.x;
        t18 = uintBitsToFloat(mix(floatBitsToUint(t17.xyzw), floatBitsToUint(t4.xyzw), notEqual(floatBitsToUint(t16.yyyy), uvec4(0u))));
        t5.xyw = t18.xyw;
        t5.z = t15.x;
        t19 = uintBitsToFloat(mix(floatBitsToUint(t18.xyzw), floatBitsToUint(t5.xyzw), notEqual(floatBitsToUint(t16.zzzz), uvec4(0u))));
        t6.xyz = t19.xyz;
        t6.w = t15.x;
        t20 = uintBitsToFloat(mix(floatBitsToUint(t19.xyzw), floatBitsToUint(t6.xyzw), notEqual(floatBitsToUint(t16.wwww), uvec4(0u))));
        t21.x = uintBitsToFloat((0u + floatBitsToUint(t8.x)));
        addr0.x = int(floatBitsToUint(t21.x));
        ta1[clamp(addr0.x, 0, 1)] = t20.xyzw;
        t2.x = uintBitsToFloat((floatBitsToUint(t2.x) + 1u));
    }
    t26 = ta1[0].xyzw;
    o1 = t26.xyzw;
    t27 = ta1[1].xyzw;
    o2 = t27.xyzw;
    o0 = vs_in0.xyzw;
    o3 = vs_in0.xyzw;
    pyv_store_outputs();
    return;
}
