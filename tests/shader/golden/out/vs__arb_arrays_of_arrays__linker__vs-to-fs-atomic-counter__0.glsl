#version 450 core
layout(location = 0) in vec4 vs_in0;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_generic0 { vec4 d; } vs_out_generic0;
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
void pyv_store_outputs()
{
    gl_Position = o0;
    vs_out_generic0.d = o1;
}
void main()
{
    t0.x = uintBitsToFloat(atomicCounter(ac0_5));
    t1.x = uintBitsToFloat(atomicCounterIncrement(ac0_0));
    t2.x = uintBitsToFloat(atomicCounter(ac0_0));
    t3.x = intBitsToFloat((-int((floatBitsToUint(t0.x) < floatBitsToUint(t2.x)))));
    t4 = uintBitsToFloat(mix(uvec4(1065353216u, 0u, 0u, 1065353216u), uvec4(0u, 1065353216u, 0u, 1065353216u), notEqual(floatBitsToUint(t3.xxxx), uvec4(0u))));
    o1 = t4.xyzw;
    o0 = vs_in0.xyzw;
    pyv_store_outputs();
    return;
}
