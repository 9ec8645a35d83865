#version 450 core
layout(quads, equal_spacing, ccw, point_mode) in;
in V_generic0 { vec4 d; } te_in_generic0[];
in V_generic1 { vec4 d; } te_in_generic1[];
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_generic0 { vec4 d; } te_out_generic0;
layout(std140) uniform te_cb0 { uvec4 te_c0[1]; };
layout(r32ui) readonly uniform uimage2D te_imgs[8];
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
vec4 t22 = vec4(0.0);
vec4 t23 = vec4(0.0);
vec4 t24 = vec4(0.0);
vec4 t25 = vec4(0.0);
vec4 t26 = vec4(0.0);
vec4 t27 = vec4(0.0);
vec4 t28 = vec4(0.0);
ivec4 addr0 = ivec4(0);
ivec4 addr1 = ivec4(0);
ivec4 addr2 = ivec4(0);
uint pyv_umod(uint a, uint b) { return b == 0u ? 0xffffffffu : a % b; }
void pyv_store_outputs()
{
    gl_Position = o0;
    te_out_generic0.d = o1;
}
void main()
{
    t3.xy = intBitsToFloat((-ivec2(lessThan(vec2(0.5), vec4(gl_TessCoord, 0.0).xy))));
    t4.x = uintBitsToFloat(((floatBitsToUint(t3.y) != 0u) ? 2u : 0u));
    t5.x = uintBitsToFloat((floatBitsToUint(t3.x) & 1u));
    t6.x = uintBitsToFloat((floatBitsToUint(t5.x) + floatBitsToUint(t4.x)));
    addr1.x = int(floatBitsToUint(t6.x));
    t7.xy = te_in_generic0[clamp(addr1.x, 0, 31)].d.xy;
    t8.x = uintBitsToFloat((floatBitsToUint(t7.x) & 1u));
    t9.x = uintBitsToFloat(pyv_umod(floatBitsToUint(t7.y), 3u));
    t10.x = intBitsToFloat((-int((floatBitsToUint(t8.x) != floatBitsToUint(t9.x)))));
    addr1.x = int(floatBitsToUint(t6.x));
    t0 = te_in_generic1[clamp(addr1.x, 0, 31)].d.xyzw;
    if (floatBitsToUint(t10.x) != 0u) {
        t1.x = uintBitsToFloat(0u);
        while (true) {
            t12.x = intBitsToFloat((-int((floatBitsToInt(t1.x) >= 8))));
            if (floatBitsToUint(t12.x) != 0u) {
                break;
            }
            t13.x = uintBitsToFloat((floatBitsToUint(t7.y) << (4u & 31u)));
            t14.x = uintBitsToFloat((floatBitsToUint(t7.x) + floatBitsToUint(t13.x)));
            t2.x = uintBitsToFloat((floatBitsToUint(t14.x) & 15u));
            t15.x = intBitsToFloat(sign(floatBitsToInt(t14.x)));
            t16.x = intBitsToFloat(abs(floatBitsToInt(t14.x)));
            t17.x = uintBitsToFloat((floatBitsToUint(t16.x) >> (4u & 31u)));
            t18.x = uintBitsToFloat((floatBitsToUint(t15.x) * floatBitsToUint(t17.x)));
            t2.y = uintBitsToFloat(pyv_umod(floatBitsToUint(t18.x), 96u));
            t19.x = uintBitsToFloat((floatBitsToUint(t1.x) + te_c0[0].x));
            t20.x = uintBitsToFloat((floatBitsToUint(t19.x) & 7u));
            addr2.x = int(floatBitsToUint(t20.x));
            t21 = uintBitsToFloat(imageLoad(te_imgs[clamp(addr2.x, 0, 7)], floatBitsToInt(t2.xy)).xyzw);
            t22.x = uintBitsToFloat((floatBitsToUint(t0.x) << (4u & 31u)));
            t23.x = uintBitsToFloat((floatBitsToUint(t22.x) | floatBitsToUint(t21.x)));
            t1.x = uintBitsToFloat((floatBitsToUint(t1.x) + 1u));
            t0.x = t23.x;
        }
    } else {
        t0 = uintBitsToFloat(uvec4(3735931646u));
    }
    addr1.x = int(floatBitsToUint(t6.x));
    t24 = gl_in[clamp(addr1.x, 0, 31)].gl_Position.xyzw;
    o0 = t24.xyzw;
    o1 = t0.xyzw;
    pyv_store_outputs();
    return;
}
