#version 450 core
in V_generic0 { vec4 d; } fs_in_generic0;
in V_generic1 { vec4 d; } fs_in_generic1;
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
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t2.xyz = interpolateAtCentroid(fs_in_generic0.d).xyz;
    t3.xyz = (t2.xyz * vec3((-1.0)) + fs_in_generic0.d.xyz);
    t4.xyz = intBitsToFloat((-ivec3(notEqual(t3.xyz, vec3(0.0)))));
    t5.x = uintBitsToFloat((floatBitsToUint(t4.y) | floatBitsToUint(t4.z)));
    t6.x = uintBitsToFloat((floatBitsToUint(t4.x) | floatBitsToUint(t5.x)));
    t1.yzw = (t3.xyz + vec3(0.5));
    t0.xy = fs_in_generic1.d.xy;
    t0.zw = uintBitsToFloat(uvec2(0u, 1065353216u));
    t1.x = uintBitsToFloat(1065353216u);
    t7 = uintBitsToFloat(mix(floatBitsToUint(t0.xyzw), floatBitsToUint(t1.xyzw), notEqual(floatBitsToUint(t6.xxxx), uvec4(0u))));
    o0 = t7.xyzw;
    pyv_store_outputs();
    return;
}
