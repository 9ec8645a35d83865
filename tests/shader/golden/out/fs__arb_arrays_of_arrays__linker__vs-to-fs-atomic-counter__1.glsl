#version 450 core
in V_generic0 { vec4 d; } fs_in_generic0;
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(binding = 0, offset = 0) uniform atomic_uint ac0_0;
layout(binding = 0, offset = 20) uniform atomic_uint ac0_5;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
vec4 t6 = vec4(0.0);
vec4 t7 = vec4(0.0);
vec4 t8 = vec4(0.0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0.x = uintBitsToFloat(atomicCounter(ac0_5));
    t1.x = uintBitsToFloat(atomicCounterIncrement(ac0_0));
    t2.x = uintBitsToFloat(atomicCounter(ac0_0));
    t3.x = intBitsToFloat((-int((floatBitsToUint(t0.x) < floatBitsToUint(t2.x)))));
    t4 = uintBitsToFloat(mix(uvec4(1065353216u, 0u, 0u, 1065353216u), uvec4(0u, 1065353216u, 0u, 1065353216u), notEqual(floatBitsToUint(t3.xxxx), uvec4(0u))));
    o0 = (fs_in_generic0.d.xyzw + t4.xyzw);
    pyv_store_outputs();
    return;
}
