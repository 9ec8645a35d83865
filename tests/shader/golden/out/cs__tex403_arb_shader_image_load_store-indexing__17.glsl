#version 430 core
layout(local_size_x = 16, local_size_y = 1, local_size_z = 1) in;
layout(std140) uniform cs_cb0 { uvec4 cs_c0[1]; };
layout(r32ui) uniform uimage2D cs_imgs[9];
layout(r32ui) uniform uimage2D cs_img8;
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
vec4 t29 = vec4(0.0);
ivec4 addr0 = ivec4(0);
ivec4 addr1 = ivec4(0);
ivec4 addr2 = ivec4(0);
uint pyv_umod(uint a, uint b) { return b == 0u ? 0xffffffffu : a % b; }
void main()
{
    t29.xyz = uintBitsToFloat(uvec4(gl_WorkGroupID, 0u).xyz);
    t5.xy = uintBitsToFloat((floatBitsToUint(t29.xy) << (uvec2(4u, 0u) & uvec2(31u))));
    t2.x = uintBitsToFloat(uvec4(gl_LocalInvocationID, 0u).x);
    t2.y = uintBitsToFloat(0u);
    t6.xy = uintBitsToFloat((floatBitsToUint(t5.xy) + floatBitsToUint(t2.xy)));
    t7.x = uintBitsToFloat((floatBitsToUint(t6.x) & 1u));
    t8.x = uintBitsToFloat(pyv_umod(floatBitsToUint(t6.y), 3u));
    t9.x = intBitsToFloat((-int((floatBitsToUint(t7.x) != floatBitsToUint(t8.x)))));
    if (floatBitsToUint(t9.x) != 0u) {
        t1 = uintBitsToFloat(uvec4(0u));
        t0.x = uintBitsToFloat(0u);
        while (true) {
            t12.x = intBitsToFloat((-int((floatBitsToInt(t0.x) >= 8))));
            if (floatBitsToUint(t12.x) != 0u) {
                break;
            }
            t13.x = uintBitsToFloat((floatBitsToUint(t6.y) << (4u & 31u)));
            t14.x = uintBitsToFloat((floatBitsToUint(t6.x) + floatBitsToUint(t13.x)));
            t3.x = uintBitsToFloat((floatBitsToUint(t14.x) & 15u));
            t15.x = intBitsToFloat(sign(floatBitsToInt(t14.x)));
            t16.x = intBitsToFloat(abs(floatBitsToInt(t14.x)));
            t17.x = uintBitsToFloat((floatBitsToUint(t16.x) >> (4u & 31u)));
            t18.x = uintBitsToFloat((floatBitsToUint(t15.x) * floatBitsToUint(t17.x)));
            t3.y = uintBitsToFloat(pyv_umod(floatBitsToUint(t18.x), 96u));
            t19.x = uintBitsToFloat((floatBitsToUint(t0.x) + cs_c0[0].x));
            t20.x = uintBitsToFloat((floatBitsToUint(t19.x) & 7u));
            addr2.x = int(floatBitsToUint(t20.x));
            t21 = uintBitsToFloat(imageLoad(cs_imgs[clamp(addr2.x, 0, 8)], floatBitsToInt(t3.xy)).xyzw);
            t22.x = uintBitsToFloat((floatBitsToUint(t1.x) << (4u & 31u)));
            t23.x = uintBitsToFloat((floatBitsToUint(t22.x) | floatBitsToUint(t21.x)));
            t0.x = uintBitsToFloat((floatBitsToUint(t0.x) + 1u));
            t1.x = t23.x;
        }
    } else {
        t1 = uintBitsToFloat(uvec4(3735931646u));
    }
    t24.x = t1.x;
    t4.xy = t6.xy;
    imageStore(cs_img8, floatBitsToInt(t4.xy), floatBitsToUint(t24.xxxx));
    return;
}
