#version 450 core
in V_generic0 { flat vec4 d; } fs_in_generic0;
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[1]; };
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
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0.x = dFdx(fs_in_generic0.d.x);
    t1.x = (fs_in_generic0.d.x * uintBitsToFloat(fs_c0[0].x));
    t2.x = dFdy(t1.x);
    t3.x = dFdxFine(fs_in_generic0.d.x);
    t4.x = dFdyFine(t1.x);
    t5.x = intBitsToFloat((-int((t2.x == 0.0))));
    t6.x = intBitsToFloat((-int((t0.x == 0.0))));
    t7.x = uintBitsToFloat((floatBitsToUint(t6.x) & floatBitsToUint(t5.x)));
    t8.x = intBitsToFloat((-int((t3.x == 0.0))));
    t9.x = uintBitsToFloat((floatBitsToUint(t7.x) & floatBitsToUint(t8.x)));
    t10.x = intBitsToFloat((-int((t4.x == 0.0))));
    t11.x = uintBitsToFloat((floatBitsToUint(t9.x) & floatBitsToUint(t10.x)));
    t12 = uintBitsToFloat(mix(uvec4(1065353216u, 0u, 0u, 1065353216u), uvec4(0u, 1065353216u, 0u, 1065353216u), notEqual(floatBitsToUint(t11.xxxx), uvec4(0u))));
    o0 = t12.xyzw;
    pyv_store_outputs();
    return;
}
