#version 450 core
in V_generic0 { vec4 d; } fs_in_generic0;
in V_generic1 { flat vec4 d; } fs_in_generic1;
in V_generic2 { noperspective vec4 d; } fs_in_generic2;
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
    t0.x = intBitsToFloat((-int((fs_in_generic0.d.z != fs_in_generic0.d.y))));
    t1.x = intBitsToFloat((-int((fs_in_generic1.d.y != fs_in_generic1.d.x))));
    t2.x = uintBitsToFloat((floatBitsToUint(t0.x) | floatBitsToUint(t1.x)));
    t3.x = intBitsToFloat((-int((fs_in_generic0.d.x != fs_in_generic0.d.x))));
    t4.x = intBitsToFloat((-int((fs_in_generic2.d.y != fs_in_generic2.d.x))));
    t5.x = uintBitsToFloat((floatBitsToUint(t3.x) | floatBitsToUint(t4.x)));
    t6.x = uintBitsToFloat((floatBitsToUint(t5.x) | floatBitsToUint(t2.x)));
    t7 = uintBitsToFloat(mix(uvec4(0u, 1065353216u, 0u, 1065353216u), uvec4(1065353216u, 0u, 0u, 1065353216u), notEqual(floatBitsToUint(t6.xxxx), uvec4(0u))));
    o0 = t7.xyzw;
    pyv_store_outputs();
    return;
}
