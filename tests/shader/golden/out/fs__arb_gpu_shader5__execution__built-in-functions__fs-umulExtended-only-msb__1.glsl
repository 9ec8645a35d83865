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
uint pyv_umul_hi(uint a, uint b) { uint hi, lo; umulExtended(a, b, hi, lo); return hi; }
uvec4 pyv_umul_hi(uvec4 a, uvec4 b) { return uvec4(pyv_umul_hi(a.x, b.x), pyv_umul_hi(a.y, b.y), pyv_umul_hi(a.z, b.z), pyv_umul_hi(a.w, b.w)); }
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0 = uintBitsToFloat(pyv_umul_hi(fs_c0[0].xyzw, fs_c0[1].xyzw));
    t1 = intBitsToFloat((-ivec4(notEqual(floatBitsToUint(t0.xyzw), fs_c0[2].xyzw))));
    t2.xy = uintBitsToFloat((floatBitsToUint(t1.xz) | floatBitsToUint(t1.yw)));
    t3.x = uintBitsToFloat((floatBitsToUint(t2.x) | floatBitsToUint(t2.y)));
    t4 = uintBitsToFloat(mix(uvec4(0u, 1065353216u, 0u, 1065353216u), uvec4(1065353216u, 1065353216u, 0u, 1065353216u), notEqual(floatBitsToUint(t3.xxxx), uvec4(0u))));
    o0 = t4.xyzw;
    pyv_store_outputs();
    return;
}
