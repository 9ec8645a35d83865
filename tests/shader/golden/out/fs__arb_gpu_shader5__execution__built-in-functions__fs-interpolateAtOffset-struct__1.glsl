#version 450 core
in V_generic0 { vec4 d; } fs_in_generic0;
in V_generic1 { vec4 d; } fs_in_generic1;
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[2]; };
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
    fs_color0 = o0;
}
void main()
{
    t0.y = (uintBitsToFloat(fs_c0[0].y) * uintBitsToFloat(fs_c0[1].x));
    t0.x = uintBitsToFloat(fs_c0[0].x);
    t3.xy = t0.xy;
    t4.xyz = interpolateAtOffset(fs_in_generic0.d, t3.xy).xyz;
    t5.xyz = (t4.xyz * vec3((-1.0)) + fs_in_generic0.d.xyz);
    t6.xyz = intBitsToFloat((-ivec3(notEqual(t5.xyz, vec3(0.0)))));
    t7.x = uintBitsToFloat((floatBitsToUint(t6.y) | floatBitsToUint(t6.z)));
    t8.x = uintBitsToFloat((floatBitsToUint(t6.x) | floatBitsToUint(t7.x)));
    t2.yzw = (t5.xyz + vec3(0.5));
    t1.xy = fs_in_generic1.d.xy;
    t1.zw = uintBitsToFloat(uvec2(0u, 1065353216u));
    t2.x = uintBitsToFloat(1065353216u);
    t9 = uintBitsToFloat(mix(floatBitsToUint(t1.xyzw), floatBitsToUint(t2.xyzw), notEqual(floatBitsToUint(t8.xxxx), uvec4(0u))));
    o0 = t9.xyzw;
    pyv_store_outputs();
    return;
}
