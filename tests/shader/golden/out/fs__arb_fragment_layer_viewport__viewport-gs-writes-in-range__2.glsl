#version 440 core
in V_generic0 { flat vec4 d; } fs_in_generic0;
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(binding = 0, offset = 0) uniform atomic_uint ac0_0;
layout(binding = 0, offset = 4) uniform atomic_uint ac0_1;
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
    fs_color0 = o0;
}
void main()
{
    t7 = intBitsToFloat(max(ivec4(gl_ViewportIndex, 0, 0, 0).xyzw, ivec4(gl_ViewportIndex, 0, 0, 0).xyzw));
    t0.x = intBitsToFloat((-int((floatBitsToUint(fs_in_generic0.d.x) == floatBitsToUint(t7.x)))));
    if (floatBitsToUint(t0.x) != 0u) {
        t1.x = uintBitsToFloat(atomicCounterIncrement(ac0_0));
    } else {
        t2.x = uintBitsToFloat(atomicCounterIncrement(ac0_1));
    }
    o0 = uintBitsToFloat(uvec4(0u));
    pyv_store_outputs();
    return;
}
