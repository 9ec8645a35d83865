#version 450 core
layout(quads, equal_spacing, ccw) in;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_generic0 { vec4 d; } te_out_generic0;
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
void pyv_store_outputs()
{
    gl_Position = o0;
    te_out_generic0.d = o1;
}
void main()
{
    t0.xy = mix(vec2((-1.0)), vec2(1.0), vec4(gl_TessCoord, 0.0).xy);
    t1 = intBitsToFloat((-ivec4(equal(vec4(gl_TessLevelOuter[0], gl_TessLevelOuter[1], gl_TessLevelOuter[2], gl_TessLevelOuter[3]).xyzw, vec4(3.0, 2.0, 4.0, 5.0)))));
    t2.x = uintBitsToFloat((floatBitsToUint(t1.x) & floatBitsToUint(t1.y)));
    t3.x = uintBitsToFloat((floatBitsToUint(t2.x) & floatBitsToUint(t1.z)));
    t4.x = uintBitsToFloat((floatBitsToUint(t3.x) & floatBitsToUint(t1.w)));
    t5.xy = intBitsToFloat((-ivec2(equal(vec4(gl_TessLevelInner[0], gl_TessLevelInner[1], 0.0, 0.0).xy, vec2(6.0, 7.0)))));
    t6.x = uintBitsToFloat((floatBitsToUint(t5.x) & floatBitsToUint(t5.y)));
    t7.x = uintBitsToFloat((floatBitsToUint(t4.x) & floatBitsToUint(t6.x)));
    t8 = uintBitsToFloat(mix(uvec4(1065353216u, 0u, 0u, 1065353216u), uvec4(0u, 1065353216u, 0u, 1065353216u), notEqual(floatBitsToUint(t7.xxxx), uvec4(0u))));
    t0.zw = uintBitsToFloat(uvec2(0u, 1065353216u));
    o0 = t0.xyzw;
    o1 = t8.xyzw;
    pyv_store_outputs();
    return;
}
