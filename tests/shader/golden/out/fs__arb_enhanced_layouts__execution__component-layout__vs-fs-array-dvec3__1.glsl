#version 450 core
in V_generic0 { flat vec4 d; } fs_in_generic0;
in V_generic1 { flat vec4 d; } fs_in_generic1;
in V_generic2 { flat vec4 d; } fs_in_generic2;
in V_generic3 { flat vec4 d; } fs_in_generic3;
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
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0.x = uintBitsToFloat(0u);
    while (true) {
        t5.x = intBitsToFloat((-int((floatBitsToInt(t0.x) >= 2))));
        if (floatBitsToUint(t5.x) != 0u) {
            t1.x = uintBitsToFloat(0u);
            break;
        }
        t6.x = intBitsToFloat((-int((floatBitsToInt(t0.x) < 1))));
        if (floatBitsToUint(t6.x) != 0u) {
            t2.xy = fs_in_generic1.d.xy;
            t3 = fs_in_generic0.d.xyzw;
        } else {
            t2.xy = fs_in_generic3.d.xy;
            t3 = fs_in_generic2.d.xyzw;
        }
        t7.x = float(floatBitsToInt(t0.x));
        t8.x = (3.0 * t7.x);
        t9.xy = uintBitsToFloat(unpackDouble2x32(double(t8.x)).xy);
        t25.xy = t3.xy;
        t26.xy = t9.xy;
        t10.x = intBitsToFloat((packDouble2x32(floatBitsToUint(t25.xy)) != packDouble2x32(floatBitsToUint(t26.xy)) ? -1 : 0));
        if (floatBitsToUint(t10.x) != 0u) {
            t11.x = (t7.x * 0.10000000149011612);
            t25.xy = t3.xy;
            t26.xy = uintBitsToFloat(uvec2(2684354560u, 1069128089u));
            t12.xy = uintBitsToFloat(unpackDouble2x32((packDouble2x32(floatBitsToUint(t25.xy)) * packDouble2x32(floatBitsToUint(t26.xy)))).xy);
            t25.xy = t12.xy;
            t13.x = float(packDouble2x32(floatBitsToUint(t25.xy)));
            t4.xy = uintBitsToFloat(uvec2(1065353216u, 0u));
            t4.z = t11.x;
            t4.w = t13.x;
            t1.x = uintBitsToFloat(4294967295u);
            break;
        }
        t14.xy = (t8.xx + vec2(1.0, 2.0));
        t15.xy = uintBitsToFloat(unpackDouble2x32(double(t14.x)).xy);
        t25.xy = t3.zw;
        t26.xy = t15.xy;
        t16.x = intBitsToFloat((packDouble2x32(floatBitsToUint(t25.xy)) != packDouble2x32(floatBitsToUint(t26.xy)) ? -1 : 0));
        if (floatBitsToUint(t16.x) != 0u) {
            t17.x = (t7.x * 0.10000000149011612);
            t25.xy = t3.zw;
            t26.xy = uintBitsToFloat(uvec2(2684354560u, 1069128089u));
            t18.xy = uintBitsToFloat(unpackDouble2x32((packDouble2x32(floatBitsToUint(t25.xy)) * packDouble2x32(floatBitsToUint(t26.xy)))).xy);
            t25.xy = t18.xy;
            t19.x = float(packDouble2x32(floatBitsToUint(t25.xy)));
            t4.xy = uintBitsToFloat(uvec2(1065353216u, 1048576000u));
            t4.z = t17.x;
            t4.w = t19.x;
            t1.x = uintBitsToFloat(4294967295u);
            break;
        }
        t20.xy = uintBitsToFloat(unpackDouble2x32(double(t14.y)).xy);
        t25.xy = t2.xy;
        t26.xy = t20.xy;
        t21.x = intBitsToFloat((packDouble2x32(floatBitsToUint(t25.xy)) != packDouble2x32(floatBitsToUint(t26.xy)) ? -1 : 0));
        if (floatBitsToUint(t21.x) != 0u) {
            t22.x = (t7.x * 0.10000000149011612);
            t25.xy = t2.xy;
            t26.xy = uintBitsToFloat(uvec2(2684354560u, 1069128089u));
            t23.xy = uintBitsToFloat(unpackDouble2x32((packDouble2x32(floatBitsToUint(t25.xy)) * packDouble2x32(floatBitsToUint(t26.xy)))).xy);
            t25.xy = t23.xy;
            t24.x = float(packDouble2x32(floatBitsToUint(t25.xy)));
            t4.xy = uintBitsToFloat(uvec2(1065353216u, 1056964608u));
            t4.z = t22.x;
            t4.w = t24.x;
            t1.x = uintBitsToFloat(4294967295u);
            break;
        }
        t0.x = uintBitsToFloat((floatBitsToUint(t0.x) + 1u));
    }
    t25 = uintBitsToFloat(mix(uvec4(0u, 1065353216u, 0u, 1065353216u), floatBitsToUint(t4.xyzw), notEqual(floatBitsToUint(t1.xxxx), uvec4(0u))));
    o0 = t25.xyzw;
    pyv_store_outputs();
    return;
}
