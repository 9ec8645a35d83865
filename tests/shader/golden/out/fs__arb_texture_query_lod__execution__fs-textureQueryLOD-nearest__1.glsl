#version 400 core
in V_texcoord0 { vec4 d; } fs_in_texcoord0;
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[1]; };
uniform sampler2D fs_samp0;
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
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t1.x = (uintBitsToFloat(fs_c0[0].x) + 0.5);
    t2.x = ceil(t1.x);
    t3.x = (t2.x + (-1.0));
    t4 = texture(fs_samp0, fs_in_texcoord0.d.xy).xyzw;
    t0.xyz = fs_in_texcoord0.d.xyx;
    t0.w = t3.x;
    t5 = textureLod(fs_samp0, t0.xy, t0.w).xyzw;
    t6 = intBitsToFloat((-ivec4(notEqual(t4.xyzw, t5.xyzw))));
    t7.xy = uintBitsToFloat((floatBitsToUint(t6.xz) | floatBitsToUint(t6.yw)));
    t8.x = uintBitsToFloat((floatBitsToUint(t7.x) | floatBitsToUint(t7.y)));
    t9.x = uintBitsToFloat((floatBitsToUint(t8.x) & 1065353216u));
    if (any(lessThan((-t9.xxxx), vec4(0.0)))) discard;
    t10.xy = vec4(textureQueryLod(fs_samp0, fs_in_texcoord0.d.xy), 0.0, 0.0).xy;
    t11.x = (t10.y * (-1.0) + t10.x);
    t12.x = max(t11.x, (-t11.x));
    t13.x = intBitsToFloat((-int((0.007843137718737125 >= t12.x))));
    t14.x = uintBitsToFloat((~floatBitsToUint(t13.x)));
    t15.x = uintBitsToFloat((floatBitsToUint(t14.x) & 1065353216u));
    if (any(lessThan((-t15.xxxx), vec4(0.0)))) discard;
    t16.x = intBitsToFloat((-int((t10.x != t3.x))));
    t17.x = uintBitsToFloat((floatBitsToUint(t16.x) & 1065353216u));
    if (any(lessThan((-t17.xxxx), vec4(0.0)))) discard;
    o0 = t4.xyzw;
    pyv_store_outputs();
    return;
}
