#version 420 core
#extension GL_ARB_shader_atomic_counter_ops : require
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[17]; };
layout(binding = 0, offset = 0) uniform atomic_uint ac0_0;
layout(binding = 0, offset = 4) uniform atomic_uint ac0_1;
layout(binding = 0, offset = 8) uniform atomic_uint ac0_2;
layout(binding = 0, offset = 12) uniform atomic_uint ac0_3;
layout(binding = 0, offset = 16) uniform atomic_uint ac0_4;
layout(binding = 0, offset = 20) uniform atomic_uint ac0_5;
layout(binding = 0, offset = 24) uniform atomic_uint ac0_6;
layout(binding = 0, offset = 28) uniform atomic_uint ac0_7;
uniform float fs_drv_fb_height;
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
vec4 t30 = vec4(0.0);
vec4 t31 = vec4(0.0);
vec4 t32 = vec4(0.0);
vec4 t33 = vec4(0.0);
vec4 t34 = vec4(0.0);
vec4 t35 = vec4(0.0);
vec4 t36 = vec4(0.0);
vec4 t37 = vec4(0.0);
vec4 t38 = vec4(0.0);
vec4 t39 = vec4(0.0);
vec4 t40 = vec4(0.0);
vec4 t41 = vec4(0.0);
vec4 t42 = vec4(0.0);
vec4 t43 = vec4(0.0);
vec4 t44 = vec4(0.0);
vec4 t45 = vec4(0.0);
vec4 t46 = vec4(0.0);
vec4 t47 = vec4(0.0);
vec4 t48 = vec4(0.0);
vec4 t49 = vec4(0.0);
vec4 t50 = vec4(0.0);
vec4 t51 = vec4(0.0);
vec4 t52 = vec4(0.0);
vec4 t53 = vec4(0.0);
vec4 t54 = vec4(0.0);
vec4 t55 = vec4(0.0);
vec4 t56 = vec4(0.0);
vec4 t57 = vec4(0.0);
vec4 t58 = vec4(0.0);
vec4 t59 = vec4(0.0);
vec4 t60 = vec4(0.0);
ivec4 addr0 = ivec4(0);
uint pyv_umod(uint a, uint b) { return b == 0u ? 0xffffffffu : a % b; }
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0.x = (vec4(gl_FragCoord.x, fs_drv_fb_height - gl_FragCoord.y, gl_FragCoord.zw).y * uintBitsToFloat(fs_c0[16].z) + uintBitsToFloat(fs_c0[16].w));
    t1.x = uintBitsToFloat(uint(vec4(gl_FragCoord.x, fs_drv_fb_height - gl_FragCoord.y, gl_FragCoord.zw).x));
    t2.x = uintBitsToFloat(uint(t0.x));
    t3.x = uintBitsToFloat((floatBitsToUint(t2.x) << (4u & 31u)));
    t4.x = uintBitsToFloat((floatBitsToUint(t1.x) + floatBitsToUint(t3.x)));
    t5.x = uintBitsToFloat(pyv_umod(floatBitsToUint(t4.x), 9u));
    t6 = intBitsToFloat((-ivec4(equal(uvec4(0u, 1u, 2u, 3u), floatBitsToUint(t5.xxxx)))));
    t7.x = t6.y;
    t8.x = t6.w;
    t9.x = t6.z;
    t10.x = t6.x;
    if (floatBitsToUint(t10.x) != 0u) {
        t11.x = intBitsToFloat(int(t0.x));
        t12.x = uintBitsToFloat((floatBitsToUint(t11.x) & 268435455u));
        addr0.x = int(floatBitsToUint(t12.x));
        t13.x = uintBitsToFloat(fs_c0[clamp(addr0.x, 0, 16)].x);
        t14.x = uintBitsToFloat(atomicCounterAddARB(ac0_0, floatBitsToUint(t13.x)));
    } else {
        if (floatBitsToUint(t7.x) != 0u) {
            t15.x = intBitsToFloat(int(t0.x));
            t16.x = uintBitsToFloat((floatBitsToUint(t15.x) & 268435455u));
            addr0.x = int(floatBitsToUint(t16.x));
            t17.x = uintBitsToFloat(fs_c0[clamp(addr0.x, 0, 16)].x);
            t18.x = intBitsToFloat((-floatBitsToInt(t17.x)));
            t19.x = uintBitsToFloat(atomicCounterAddARB(ac0_1, floatBitsToUint(t18.x)));
        } else {
            if (floatBitsToUint(t9.x) != 0u) {
                t20.x = intBitsToFloat(int(t0.x));
                t21.x = uintBitsToFloat((floatBitsToUint(t20.x) & 268435455u));
                addr0.x = int(floatBitsToUint(t21.x));
                t22.x = uintBitsToFloat(fs_c0[clamp(addr0.x, 0, 16)].x);
                t23.x = uintBitsToFloat(atomicCounterMinARB(ac0_2, floatBitsToUint(t22.x)));
            } else {
                if (floatBitsToUint(t8.x) != 0u) {
                    t24.x = intBitsToFloat(int(t0.x));
                    t25.x = uintBitsToFloat((floatBitsToUint(t24.x) & 268435455u));
                    addr0.x = int(floatBitsToUint(t25.x));
                    t26.x = uintBitsToFloat(fs_c0[clamp(addr0.x, 0, 16)].x);
                    t27.x = uintBitsToFloat(atomicCounterMaxARB(ac0_3, floatBitsToUint(t26.x)));
                } else {
                    t28 = intBitsToFloat((-ivec4(equal(uvec4(4u, 5u, 6u, 7u), floatBitsToUint(t5.xxxx)))));
                    t29.x = t28.y;
                    t30.x = t28.w;
                    t31.x = t28.z;
                    t32.x = t28.x;
                    if (floatBitsToUint(t32.x) != 0u) {
                        t33.x = intBitsToFloat(int(t0.x));
                        t34.x = uintBitsToFloat((floatBitsToUint(t33.x) & 268435455u));
                        addr0.x = int(floatBitsToUint(t34.x));
                        t35.x = uintBitsToFloat(fs_c0[clamp(addr0.x, 0, 16)].x);
                        t36.x = uintBitsToFloat(atomicCounterAndARB(ac0_4, floatBitsToUint(t35.x)));
                    } else {
                        if (floatBitsToUint(t29.x) != 0u) {
                            t37.x = intBitsToFloat(int(t0.x));
                            t38.x = uintBitsToFloat((floatBitsToUint(t37.x) & 268435455u));
                            addr0.x = int(floatBitsToUint(t38.x));
                            t39.x = uintBitsToFloat(fs_c0[clamp(addr0.x, 0, 16)].x);
                            t40.x = uintBitsToFloat(atomicCounterOrARB(ac0_5, floatBitsToUint(t39.x)));
                        } else {
                            if (floatBitsToUint(t31.x) != 0u) {
                                t41.x = intBitsToFloat(int(t0.x));
                                t42.x = uintBitsToFloat((floatBitsToUint(t41.x) & 268435455u));
                                addr0.x = int(floatBitsToUint(t42.x));
                                t43.x = uintBitsToFloat(fs_c0[clamp(addr0.x, 0, 16)].x);
                                t44.x = uintBitsToFloat(atomicCounterXorARB(ac0_6, floatBitsToUint(t43.x)));
                            } else {
                                if (floatBitsToUint(t30.x) != 0u) {
                                    t45.x = intBitsToFloat(int(t0.x));
                                    t46.x = uintBitsToFloat((floatBitsToUint(t45.x) & 268435455u));
                                    addr0.x = int(floatBitsToUint(t46.x));
                                    t47.x = uintBitsToFloat(fs_c0[clamp(addr0.x, 0, 16)].x);
                                    t48.x = uintBitsToFloat(atomicCounterExchangeARB(ac0_7, floatBitsToUint(t47.x)));
                                } else {
                                    t49.x = intBitsToFloat((-int((8u == floatBitsToUint(t5.x)))));
                                    if (floatBitsToUint(t49.x) != 0u) {
                                        t50.x = intBitsToFloat(int(t0.x));
                                        t51.x = uintBitsToFloat((floatBitsToUint(t50.x) & 268435455u));
                                        t52.x = intBitsToFloat(int(vec4(gl_FragCoord.x, fs_drv_fb_height - gl_FragCoord.y, gl_FragCoord.zw).x));
                                        t53.x = uintBitsToFloat((floatBitsToUint(t52.x) & 268435455u));
                                        addr0.x = int(floatBitsToUint(t53.x));
                                        t54.x = uintBitsToFloat(fs_c0[clamp(addr0.x, 0, 16)].x);
                                        addr0.x = int(floatBitsToUint(t51.x));
                                        t55.x = uintBitsToFloat(fs_c0[clamp(addr0.x, 0, 16)].x);
                                        t56.x = uintBitsToFloat(atomicCounterCompSwapARB(ac0_0, floatBitsToUint(t55.x), floatBitsToUint(t54.x)));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    o0 = uintBitsToFloat(uvec4(0u, 1065353216u, 0u, 1065353216u));
    pyv_store_outputs();
    return;
}
