#version 400 core
in V_texcoord0 { vec4 d; } fs_in_texcoord0;
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[2]; };
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
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
    t0.xy = (uintBitsToFloat(fs_c0[0].xy) * vec2((-1.0)));
    t1.xy = vec2(lessThan(fs_in_texcoord0.d.xy, t0.xy));
    t2 = (t1.xyxx * vec4((-1.0)));
    t3 = intBitsToFloat((-ivec4(lessThan(t2.xyzw, vec4(0.0)))));
    t4.xy = uintBitsToFloat((floatBitsToUint(t3.xz) | floatBitsToUint(t3.yw)));
    t5.x = uintBitsToFloat((floatBitsToUint(t4.x) | floatBitsToUint(t4.y)));
    t6.x = uintBitsToFloat((floatBitsToUint(t5.x) & 1065353216u));
    if (any(lessThan((-t6.xxxx), vec4(0.0)))) discard;
    o0 = uintBitsToFloat(fs_c0[1].xyzw);
    pyv_store_outputs();
    return;
}
