#version 400 core
layout(location = 0) in vec4 vs_in0;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_generic0 { vec4 d; } vs_out_generic0;
layout(std140) uniform vs_cb0 { uvec4 vs_c0[14]; };
uniform sampler2D vs_samps[4];
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
ivec4 addr0 = ivec4(0);
ivec4 addr1 = ivec4(0);
ivec4 addr2 = ivec4(0);
void pyv_store_outputs()
{
    gl_Position = o0;
    vs_out_generic0.d = o1;
}
void main()
{
    t0.x = uintBitsToFloat((vs_c0[12].x * 6u));
    t1.x = uintBitsToFloat((vs_c0[13].x * 3u));
    t2.x = uintBitsToFloat((floatBitsToUint(t0.x) + floatBitsToUint(t1.x)));
    t3.x = uintBitsToFloat((floatBitsToUint(t2.x) << (4u & 31u)));
    t4.x = uintBitsToFloat((floatBitsToUint(t2.x) & 268435455u));
    t5.xy = uintBitsToFloat((floatBitsToUint(t3.xx) + uvec2(16u, 32u)));
    t6.xy = uintBitsToFloat((floatBitsToUint(t5.xy) >> (uvec2(4u) & uvec2(31u))));
    t7.x = uintBitsToFloat((vs_c0[12].x << (1u & 31u)));
    t8.x = uintBitsToFloat((vs_c0[13].x + floatBitsToUint(t7.x)));
    t9.x = uintBitsToFloat(min(floatBitsToUint(t8.x), 3u));
    addr2.x = int(floatBitsToUint(t9.x));
    t16 = uintBitsToFloat(uvec4(1061158912u, 1048576000u, 0u, 0u));
    t10 = texture(vs_samps[clamp(addr2.x, 0, 3)], t16.xy).xyzw;
    o0 = vs_in0.xyzw;
    addr0.x = int(floatBitsToUint(t4.x));
    t11.x = uintBitsToFloat(vs_c0[clamp(addr0.x, 0, 13)].x);
    t12.x = t6.x;
    t13.x = t6.y;
    addr0.x = int(floatBitsToUint(t12.x));
    t14.x = uintBitsToFloat(vs_c0[clamp(addr0.x, 0, 13)].x);
    addr0.x = int(floatBitsToUint(t13.x));
    t15.x = uintBitsToFloat(vs_c0[clamp(addr0.x, 0, 13)].x);
    o1.x = t11.x;
    o1.y = t14.x;
    o1.z = t15.x;
    o1.w = t10.x;
    pyv_store_outputs();
    return;
}
