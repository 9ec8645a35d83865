#version 400 core
in V_texcoord0 { vec4 d; } fs_in_texcoord0;
in V_texcoord1 { vec4 d; } fs_in_texcoord1;
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
precise vec4 t0 = vec4(0.0);
precise vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
precise vec4 t3 = vec4(0.0);
precise vec4 t4 = vec4(0.0);
precise vec4 t5 = vec4(0.0);
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
    t0.x = min(fs_in_texcoord0.d.x, fs_in_texcoord0.d.y);
    t1.x = intBitsToFloat((-int((t0.x < 0.0))));
    t2.x = uintBitsToFloat((floatBitsToUint(t1.x) & 1065353216u));
    if (any(lessThan((-t2.xxxx), vec4(0.0)))) discard;
    t3 = intBitsToFloat((-ivec4(lessThan(fs_in_texcoord1.d.zwwz, vec4(0.0)))));
    t4.xy = uintBitsToFloat((floatBitsToUint(t3.xz) | floatBitsToUint(t3.yw)));
    t5.x = uintBitsToFloat((floatBitsToUint(t4.x) | floatBitsToUint(t4.y)));
    t6.x = uintBitsToFloat((floatBitsToUint(t5.x) & 1065353216u));
    if (any(lessThan((-t6.xxxx), vec4(0.0)))) discard;
    o0 = uintBitsToFloat(uvec4(0u, 1065353216u, 0u, 0u));
    pyv_store_outputs();
    return;
}
