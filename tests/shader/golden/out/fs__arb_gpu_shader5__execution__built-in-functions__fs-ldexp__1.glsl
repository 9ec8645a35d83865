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
vec4 t14 = vec4(0.0);
vec4 t15 = vec4(0.0);
vec4 t16 = vec4(0.0);
vec4 t17 = vec4(0.0);
vec4 t18 = vec4(0.0);
vec4 t19 = vec4(0.0);
vec4 t20 = vec4(0.0);
vec4 t21 = vec4(0.0);
uint pyv_bfi(uint base, uint ins, int o, int b) { o = clamp(o, 0, 31); b = clamp(b, 0, 32 - o); if (b == 0) return base; return bitfieldInsert(base, ins, o, b); }
uvec4 pyv_bfi(uvec4 base, uvec4 ins, ivec4 o, ivec4 b) { return uvec4(pyv_bfi(base.x, ins.x, o.x, b.x), pyv_bfi(base.y, ins.y, o.y, b.y), pyv_bfi(base.z, ins.z, o.z, b.z), pyv_bfi(base.w, ins.w, o.w, b.w)); }
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0 = max(uintBitsToFloat(fs_c0[1].xyzw), (-uintBitsToFloat(fs_c0[1].xyzw)));
    t1 = intBitsToFloat((floatBitsToInt(t0.xyzw) >> (uvec4(23u) & uvec4(31u))));
    t2 = uintBitsToFloat((floatBitsToUint(t1.xyzw) + fs_c0[2].xyzw));
    t3 = intBitsToFloat(min(floatBitsToInt(t2.xyzw), ivec4(255)));
    t4 = uintBitsToFloat((fs_c0[1].xyzw & uvec4(2155872255u)));
    t5 = intBitsToFloat(min(floatBitsToInt(t3.xyzw), floatBitsToInt(t1.xyzw)));
    t6 = intBitsToFloat((-ivec4(greaterThanEqual(ivec4(0), floatBitsToInt(t5.xyzw)))));
    t7 = uintBitsToFloat(mix(floatBitsToUint(t3.xyzw), uvec4(0u), notEqual(floatBitsToUint(t6.xyzw), uvec4(0u))));
    t8 = intBitsToFloat((-ivec4(equal(floatBitsToUint(t7.xyzw), uvec4(255u)))));
    t9 = uintBitsToFloat((floatBitsToUint(t6.xyzw) | floatBitsToUint(t8.xyzw)));
    t10 = uintBitsToFloat((uvec4(2147483648u) & fs_c0[1].xyzw));
    t11 = uintBitsToFloat(mix(floatBitsToUint(t4.xyzw), floatBitsToUint(t10.xyzw), notEqual(floatBitsToUint(t9.xyzw), uvec4(0u))));
    t12 = uintBitsToFloat(pyv_bfi(floatBitsToUint(t11.xyzw), floatBitsToUint(t7.xyzw), ivec4(23), ivec4(8)));
    t13 = intBitsToFloat((-ivec4(greaterThanEqual(floatBitsToInt(t1.xyzw), ivec4(255)))));
    t14 = uintBitsToFloat(mix(floatBitsToUint(t12.xyzw), fs_c0[1].xyzw, notEqual(floatBitsToUint(t13.xyzw), uvec4(0u))));
    t15 = intBitsToFloat((-ivec4(notEqual(fs_c0[0].xyzw, floatBitsToUint(t14.xyzw)))));
    t16.xy = uintBitsToFloat((floatBitsToUint(t15.xz) | floatBitsToUint(t15.yw)));
    t17.x = uintBitsToFloat((floatBitsToUint(t16.x) | floatBitsToUint(t16.y)));
    t18 = uintBitsToFloat(mix(uvec4(0u, 1065353216u, 0u, 1065353216u), uvec4(1065353216u, 1065353216u, 0u, 1065353216u), notEqual(floatBitsToUint(t17.xxxx), uvec4(0u))));
    o0 = t18.xyzw;
    pyv_store_outputs();
    return;
}
