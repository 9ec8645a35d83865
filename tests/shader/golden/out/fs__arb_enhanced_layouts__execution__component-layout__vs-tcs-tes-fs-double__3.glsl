#version 450 core
in V_generic0 { flat vec4 d; } fs_in_generic0;
in V_generic1 { flat vec4 d; } fs_in_generic1;
in V_generic2 { flat vec4 d; } fs_in_generic2;
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
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t13.xy = uintBitsToFloat(uvec2(0u, 1072693248u));
    t14.xy = fs_in_generic1.d.xy;
    t1.x = intBitsToFloat((packDouble2x32(floatBitsToUint(t13.xy)) != packDouble2x32(floatBitsToUint(t14.xy)) ? -1 : 0));
    t13.xy = uintBitsToFloat(uvec2(0u));
    t14.xy = fs_in_generic0.d.zw;
    t2.x = intBitsToFloat((packDouble2x32(floatBitsToUint(t13.xy)) != packDouble2x32(floatBitsToUint(t14.xy)) ? -1 : 0));
    t3.x = uintBitsToFloat((floatBitsToUint(t2.x) | floatBitsToUint(t1.x)));
    t13.xy = uintBitsToFloat(uvec2(0u, 1072693248u));
    t14.xy = fs_in_generic0.d.xy;
    t4.x = intBitsToFloat((packDouble2x32(floatBitsToUint(t13.xy)) != packDouble2x32(floatBitsToUint(t14.xy)) ? -1 : 0));
    t5.x = uintBitsToFloat((floatBitsToUint(t4.x) | floatBitsToUint(t3.x)));
    t13.xy = uintBitsToFloat(uvec2(0u, 1070596096u));
    t14.xy = fs_in_generic1.d.zw;
    t6.x = intBitsToFloat((packDouble2x32(floatBitsToUint(t13.xy)) != packDouble2x32(floatBitsToUint(t14.xy)) ? -1 : 0));
    t7.x = uintBitsToFloat((floatBitsToUint(t5.x) | floatBitsToUint(t6.x)));
    t13.xy = uintBitsToFloat(uvec2(0u, 1071644672u));
    t14.xy = fs_in_generic2.d.xy;
    t8.x = intBitsToFloat((packDouble2x32(floatBitsToUint(t13.xy)) != packDouble2x32(floatBitsToUint(t14.xy)) ? -1 : 0));
    t9.x = uintBitsToFloat((floatBitsToUint(t7.x) | floatBitsToUint(t8.x)));
    t13.xy = uintBitsToFloat(uvec2(0u, 1072168960u));
    t14.xy = fs_in_generic2.d.zw;
    t10.x = intBitsToFloat((packDouble2x32(floatBitsToUint(t13.xy)) != packDouble2x32(floatBitsToUint(t14.xy)) ? -1 : 0));
    t11.x = uintBitsToFloat((floatBitsToUint(t9.x) | floatBitsToUint(t10.x)));
    t13.xy = fs_in_generic1.d.zw;
    t0.x = float(packDouble2x32(floatBitsToUint(t13.xy)));
    t13.xy = fs_in_generic2.d.xy;
    t0.y = float(packDouble2x32(floatBitsToUint(t13.xy)));
    t13.xy = fs_in_generic2.d.zw;
    t12.x = float(packDouble2x32(floatBitsToUint(t13.xy)));
    t0.z = t12.x;
    t0.w = uintBitsToFloat(1065353216u);
    t13 = uintBitsToFloat(mix(uvec4(1065353216u, 0u, 1065353216u, 1065353216u), floatBitsToUint(t0.xyzw), notEqual(floatBitsToUint(t11.xxxx), uvec4(0u))));
    o0 = t13.xyzw;
    pyv_store_outputs();
    return;
}
