#version 450 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[3]; };
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
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t10.xy = uintBitsToFloat(fs_c0[0].xy);
    t0.xy = uintBitsToFloat(unpackDouble2x32(fract(packDouble2x32(floatBitsToUint(t10.xy)))).xy);
    t10.xy = t0.xy;
    t11.xy = uintBitsToFloat(uvec2(0u, 3220176896u));
    t12.xy = uintBitsToFloat(fs_c0[0].xy);
    t1.xy = uintBitsToFloat(unpackDouble2x32((packDouble2x32(floatBitsToUint(t10.xy)) * packDouble2x32(floatBitsToUint(t11.xy)) + packDouble2x32(floatBitsToUint(t12.xy)))).xy);
    t10.xy = t0.xy;
    t11.xy = uintBitsToFloat(uvec2(0u));
    t2.x = intBitsToFloat((packDouble2x32(floatBitsToUint(t10.xy)) != packDouble2x32(floatBitsToUint(t11.xy)) ? -1 : 0));
    t3.xy = uintBitsToFloat((floatBitsToUint(t2.xx) & uvec2(0u, 1072693248u)));
    t10.xy = t1.xy;
    t11.xy = t3.xy;
    t4.xy = uintBitsToFloat(unpackDouble2x32((packDouble2x32(floatBitsToUint(t10.xy)) + packDouble2x32(floatBitsToUint(t11.xy)))).xy);
    t10.xy = uintBitsToFloat(fs_c0[0].xy);
    t11.xy = uintBitsToFloat(uvec2(0u));
    t5.x = intBitsToFloat((packDouble2x32(floatBitsToUint(t10.xy)) >= packDouble2x32(floatBitsToUint(t11.xy)) ? -1 : 0));
    t6.xy = uintBitsToFloat(mix(floatBitsToUint(t4.xy), floatBitsToUint(t1.xy), notEqual(floatBitsToUint(t5.xx), uvec2(0u))));
    t10.xy = uintBitsToFloat(fs_c0[2].xy);
    t11.xy = uintBitsToFloat(uvec2(0u, 3220176896u));
    t12.xy = t6.xy;
    t7.xy = uintBitsToFloat(unpackDouble2x32((packDouble2x32(floatBitsToUint(t10.xy)) * packDouble2x32(floatBitsToUint(t11.xy)) + packDouble2x32(floatBitsToUint(t12.xy)))).xy);
    t10.xy = t7.xy;
    t8.xy = uintBitsToFloat(unpackDouble2x32(abs(packDouble2x32(floatBitsToUint(t10.xy)))).xy);
    t10.xy = uintBitsToFloat(fs_c0[1].xy);
    t11.xy = t8.xy;
    t9.x = intBitsToFloat((packDouble2x32(floatBitsToUint(t10.xy)) >= packDouble2x32(floatBitsToUint(t11.xy)) ? -1 : 0));
    t10 = uintBitsToFloat(mix(uvec4(1065353216u, 0u, 0u, 1065353216u), uvec4(0u, 1065353216u, 0u, 1065353216u), notEqual(floatBitsToUint(t9.xxxx), uvec4(0u))));
    o0 = t10.xyzw;
    pyv_store_outputs();
    return;
}
