#version 450 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[7]; };
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
int pyv_ibfe(int v, int o, int b) { o = clamp(o, 0, 31); b = clamp(b, 0, 32 - o); if (b == 0) return 0; return bitfieldExtract(v, o, b); }
ivec4 pyv_ibfe(ivec4 v, ivec4 o, ivec4 b) { return ivec4(pyv_ibfe(v.x, o.x, b.x), pyv_ibfe(v.y, o.y, b.y), pyv_ibfe(v.z, o.z, b.z), pyv_ibfe(v.w, o.w, b.w)); }
uint pyv_ubfe(uint v, int o, int b) { o = clamp(o, 0, 31); b = clamp(b, 0, 32 - o); if (b == 0) return 0u; return bitfieldExtract(v, o, b); }
uvec4 pyv_ubfe(uvec4 v, ivec4 o, ivec4 b) { return uvec4(pyv_ubfe(v.x, o.x, b.x), pyv_ubfe(v.y, o.y, b.y), pyv_ubfe(v.z, o.z, b.z), pyv_ubfe(v.w, o.w, b.w)); }
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0 = intBitsToFloat(pyv_ibfe(ivec4(fs_c0[2].xyzw), ivec4(fs_c0[5].xxxx), ivec4(fs_c0[6].xxxx)));
    t1 = intBitsToFloat((-ivec4(notEqual(fs_c0[1].xyzw, floatBitsToUint(t0.xyzw)))));
    t2.xy = uintBitsToFloat((floatBitsToUint(t1.xz) | floatBitsToUint(t1.yw)));
    t3.x = uintBitsToFloat((floatBitsToUint(t2.x) | floatBitsToUint(t2.y)));
    t4.x = uintBitsToFloat(fs_c0[0].x);
    t5.x = uintBitsToFloat((floatBitsToUint(t4.x) & floatBitsToUint(t3.x)));
    t6 = uintBitsToFloat(pyv_ubfe(fs_c0[4].xyzw, ivec4(fs_c0[5].xxxx), ivec4(fs_c0[6].xxxx)));
    t7 = intBitsToFloat((-ivec4(notEqual(fs_c0[3].xyzw, floatBitsToUint(t6.xyzw)))));
    t8.xy = uintBitsToFloat((floatBitsToUint(t7.xz) | floatBitsToUint(t7.yw)));
    t9.x = uintBitsToFloat((floatBitsToUint(t8.x) | floatBitsToUint(t8.y)));
    t10.x = uintBitsToFloat(((floatBitsToUint(t4.x) != 0u) ? 0u : floatBitsToUint(t9.x)));
    t11 = uintBitsToFloat(mix(uvec4(0u, 1065353216u, 0u, 1065353216u), uvec4(0u, 0u, 1065353216u, 1065353216u), notEqual(floatBitsToUint(t10.xxxx), uvec4(0u))));
    t12 = uintBitsToFloat(mix(floatBitsToUint(t11.xyzw), uvec4(1065353216u, 0u, 0u, 1065353216u), notEqual(floatBitsToUint(t5.xxxx), uvec4(0u))));
    o0 = t12.xyzw;
    pyv_store_outputs();
    return;
}
