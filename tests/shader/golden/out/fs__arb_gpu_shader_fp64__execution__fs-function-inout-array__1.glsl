#version 450 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
vec4 ta1[4];
vec4 ta2[4];
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
vec4 t35 = vec4(0.0);
vec4 t36 = vec4(0.0);
vec4 t37 = vec4(0.0);
vec4 t38 = vec4(0.0);
vec4 t39 = vec4(0.0);
vec4 t40 = vec4(0.0);
vec4 t41 = vec4(0.0);
vec4 t42 = vec4(0.0);
vec4 t43 = vec4(0.0);
vec4 t44 = vec4(0.0);
vec4 t45 = vec4(0.0);
ivec4 addr0 = ivec4(0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t8.x = uintBitsToFloat(0u);
    while (true) {
        t13.x = intBitsToFloat((-int((floatBitsToInt(t8.x) >= 4))));
        if (floatBitsToUint(t13.x) != 0u) {
            break;
        }
        t14.x = t8.x;
        t15.x = uintBitsToFloat((0u + floatBitsToUint(t14.x)));
        addr0.x = int(floatBitsToUint(t15.x));
        ta1[clamp(addr0.x, 0, 3)].xy = uintBitsToFloat(uvec2(0u, 1072693248u));
        t8.x = uintBitsToFloat((floatBitsToUint(t8.x) + 1u));
    }
    t16.xy = ta1[0].xy;
    ta2[0].xy = t16.xy;
    t17.xy = ta1[1].xy;
    ta2[1].xy = t17.xy;
    t18.xy = ta1[2].xy;
    ta2[2].xy = t18.xy;
    t19.xy = ta1[3].xy;
    ta2[3].xy = t19.xy;
    t9.x = uintBitsToFloat(0u);
    while (true) {
        t20.x = intBitsToFloat((-int((floatBitsToInt(t9.x) >= 4))));
        if (floatBitsToUint(t20.x) != 0u) {
            break;
        }
        t21.x = t9.x;
        t22.x = uintBitsToFloat((0u + floatBitsToUint(t21.x)));
        addr0.x = int(floatBitsToUint(t22.x));
        t23.xy = ta2[clamp(addr0.x + 4 - 4, 0, 3)].xy;
        t24.xy = uintBitsToFloat(unpackDouble2x32(double(floatBitsToInt(t9.x))).xy);
        t42.xy = t23.xy;
        t43.xy = t24.xy;
        t25.xy = uintBitsToFloat(unpackDouble2x32((packDouble2x32(floatBitsToUint(t42.xy)) * packDouble2x32(floatBitsToUint(t43.xy)))).xy);
        t26.x = t9.x;
        t27.x = uintBitsToFloat((0u + floatBitsToUint(t26.x)));
        addr0.x = int(floatBitsToUint(t27.x));
        ta2[clamp(addr0.x + 4 - 4, 0, 3)].xy = t25.xy;
        t9.x = uintBitsToFloat((floatBitsToUint(t9.x) + 1u));
    }
    t28.xy = ta2[0].xy;
    ta1[0].xy = t28.xy;
    t29.xy = ta2[1].xy;
    ta1[1].xy = t29.xy;
    t30.xy = ta2[2].xy;
    ta1[2].xy = t30.xy;
    t31.xy = ta2[3].xy;
    ta1[3].xy = t31.xy;
    t10.x = uintBitsToFloat(0u);
    while (true) {
        t32.x = intBitsToFloat((-int((floatBitsToInt(t10.x) >= 4))));
        if (floatBitsToUint(t32.x) != 0u) {
            t11.x = uintBitsToFloat(0u);
            break;
        }
        t33.x = t10.x;
        t34.x = uintBitsToFloat((0u + floatBitsToUint(t33.x)));
        addr0.x = int(floatBitsToUint(t34.x));
        t35.xy = ta2[clamp(addr0.x + 4 - 4, 0, 3)].xy;
        t36.xy = uintBitsToFloat(unpackDouble2x32(double(floatBitsToInt(t10.x))).xy);
        t42.xy = t35.xy;
        t43.xy = t36.xy;
        t37.x = intBitsToFloat((packDouble2x32(floatBitsToUint(t42.xy)) != packDouble2x32(floatBitsToUint(t43.xy)) ? -1 : 0));
        if (floatBitsToUint(t37.x) != 0u) {
            t38.x = float(floatBitsToInt(t10.x));
            t39.x = (t38.x / 255.0);
            t42.xy = t35.xy;
            t43.xy = uintBitsToFloat(uvec2(0u, 1081073664u));
            t40.xy = uintBitsToFloat(unpackDouble2x32((packDouble2x32(floatBitsToUint(t42.xy)) / packDouble2x32(floatBitsToUint(t43.xy)))).xy);
            t42.xy = t40.xy;
            t41.x = float(packDouble2x32(floatBitsToUint(t42.xy)));
            t12.xw = uintBitsToFloat(uvec2(1065353216u));
            t12.y = t39.x;
            t12.z = t41.x;
            t11.x = uintBitsToFloat(4294967295u);
            break;
        }
        t10.x = uintBitsToFloat((floatBitsToUint(t10.x) + 1u));
    }
    t42 = uintBitsToFloat(mix(uvec4(0u, 1065353216u, 0u, 1065353216u), floatBitsToUint(t12.xyzw), notEqual(floatBitsToUint(t11.xxxx), uvec4(0u))));
    o0 = t42.xyzw;
    pyv_store_outputs();
    return;
}
