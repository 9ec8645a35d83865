#version 450 core
layout(triangles) in;
layout(triangle_strip, max_vertices = 4) out;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_generic0 { vec4 d; } gs_out_generic0;
layout(std140) uniform gs_cb0 { uvec4 gs_c0[4]; };
vec4 ta1[3];
vec4 ta2[3];
vec4 ta3[6];
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
ivec4 addr0 = ivec4(0);
void pyv_store_outputs()
{
    gl_Position = o0;
    gs_out_generic0.d = o1;
}
void main()
{
    ta1[0] = gl_in[0].gl_Position.xyzw;
    ta1[1] = gl_in[1].gl_Position.xyzw;
    ta1[2] = gl_in[2].gl_Position.xyzw;
    ta2[0].x = vec4(gl_in[0].gl_PointSize, 0.0, 0.0, 1.0).x;
    ta2[1].x = vec4(gl_in[1].gl_PointSize, 0.0, 0.0, 1.0).x;
    ta2[2].x = vec4(gl_in[2].gl_PointSize, 0.0, 0.0, 1.0).x;
    ta3[0] = vec4(gl_in[0].gl_ClipDistance[0], gl_in[0].gl_ClipDistance[1], gl_in[0].gl_ClipDistance[2], gl_in[0].gl_ClipDistance[3]).xyzw;
    ta3[1] = vec4(gl_in[0].gl_ClipDistance[4], gl_in[0].gl_ClipDistance[5], gl_in[0].gl_ClipDistance[6], gl_in[0].gl_ClipDistance[7]).xyzw;
    ta3[2] = vec4(gl_in[1].gl_ClipDistance[0], gl_in[1].gl_ClipDistance[1], gl_in[1].gl_ClipDistance[2], gl_in[1].gl_ClipDistance[3]).xyzw;
    ta3[3] = vec4(gl_in[1].gl_ClipDistance[4], gl_in[1].gl_ClipDistance[5], gl_in[1].gl_ClipDistance[6], gl_in[1].gl_ClipDistance[7]).xyzw;
    ta3[4] = vec4(gl_in[2].gl_ClipDistance[0], gl_in[2].gl_ClipDistance[1], gl_in[2].gl_ClipDistance[2], gl_in[2].gl_ClipDistance[3]).xyzw;
    ta3[5] = vec4(gl_in[2].gl_ClipDistance[4], gl_in[2].gl_ClipDistance[5], gl_in[2].gl_ClipDistance[6], gl_in[2].gl_ClipDistance[7]).xyzw;
    t13.x = uintBitsToFloat(0u);
    t12.x = uintBitsToFloat(4294967295u);
    while (true) {
        t15.x = intBitsToFloat((-int((floatBitsToInt(t13.x) >= 3))));
        if (floatBitsToUint(t15.x) != 0u) {
            break;
        }
        t16.x = float(floatBitsToInt(t13.x));
        t17.x = t13.x;
        t18.x = uintBitsToFloat((0u + floatBitsToUint(t17.x)));
        addr0.x = int(floatBitsToUint(t18.x));
        t19 = ta1[clamp(addr0.x, 0, 2)].xyzw;
        t20 = (vec4(100.0) * t16.xxxx + vec4(0.0, 1.0, 2.0, 3.0));
        t21 = intBitsToFloat((-ivec4(notEqual(t19.xyzw, t20.xyzw))));
        t22.xy = uintBitsToFloat((floatBitsToUint(t21.xz) | floatBitsToUint(t21.yw)));
        t23.x = uintBitsToFloat((floatBitsToUint(t22.x) | floatBitsToUint(t22.y)));
        t24.x = t13.x;
        t25.x = uintBitsToFloat((0u + floatBitsToUint(t24.x)));
        addr0.x = int(floatBitsToUint(t25.x));
        t26.x = ta2[clamp(addr0.x + 3 - 3, 0, 2)].x;
        t27 = (vec4(100.0) * t16.xxxx + vec4(4.0, 5.0, 6.0, 7.0));
        t28.x = intBitsToFloat((-int((t26.x != t27.x))));
        t29.x = uintBitsToFloat((floatBitsToUint(t28.x) | floatBitsToUint(t23.x)));
        t30.x = t13.x;
        t31.x = uintBitsToFloat((floatBitsToUint(t30.x) << (1u & 31u)));
        t32.x = uintBitsToFloat((0u + floatBitsToUint(t31.x)));
        addr0.x = int(floatBitsToUint(t32.x));
        t33 = ta3[clamp(addr0.x + 6 - 6, 0, 5)].xyzw;
        t34.xyz = intBitsToFloat((-ivec3(notEqual(t33.xyz, t27.yzw))));
        t35.x = uintBitsToFloat((floatBitsToUint(t34.y) | floatBitsToUint(t34.x)));
        t36 = (vec4(100.0) * t16.xxxx + vec4(8.0, 9.0, 10.0, 11.0));
        t37.x = intBitsToFloat((-int((t33.w != t36.x))));
        t38.x = uintBitsToFloat((floatBitsToUint(t37.x) | floatBitsToUint(t34.z)));
        t39.x = uintBitsToFloat((floatBitsToUint(t38.x) | floatBitsToUint(t35.x)));
        t40.x = t13.x;
        t41.x = uintBitsToFloat((floatBitsToUint(t40.x) << (1u & 31u)));
        t42.x = uintBitsToFloat((1u + floatBitsToUint(t41.x)));
        addr0.x = int(floatBitsToUint(t42.x));
        t43 = ta3[clamp(addr0.x + 6 - 6, 0, 5)].xyzw;
        t44.xyz = intBitsToFloat((-ivec3(notEqual(t43.xyz, t36.yzw))));
        t45.x = uintBitsToFloat((floatBitsToUint(t44.y) | floatBitsToUint(t44.x)));
        t46.x = (100.0 * t16.x + 12.0);
        t47.x = intBitsToFloat((-int((t43.w != t46.x))));
        t48.x = uintBitsToFloat((floatBitsToUint(t47.x) | floatBitsToUint(t44.z)));
        t49.x = uintBitsToFloat((floatBitsToUint(t48.x) | floatBitsToUint(t45.x)));
        t50.x = uintBitsToFloat((floatBitsToUint(t49.x) | floatBitsToUint(t39.x)));
        t51.x = uintBitsToFloat((floatBitsToUint(t50.x) | floatBitsToUint(t29.x)));
        t12.x = uintBitsToFloat(((floatBitsToUint(t51.x) != 0u) ? 0u : floatBitsToUint(t12.x)));
        t13.x = uintBitsToFloat((floatBitsToUint(t13.x) + 1u));
    }
    t14.x = uintBitsToFloat(0u);
    while (true) {
        t52.x = intBitsToFloat((-int((floatBitsToInt(t14.x) >= 4))));
        if (floatBitsToUint(t52.x) != 0u) {
            break;
        }
        t53.x = uintBitsToFloat((floatBitsToUint(t14.x) & 268435455u));
        t54 = uintBitsToFloat(mix(uvec4(1065353216u, 0u, 0u, 1065353216u), uvec4(0u, 1065353216u, 0u, 1065353216u), notEqual(floatBitsToUint(t12.xxxx), uvec4(0u))));
        addr0.x = int(floatBitsToUint(t53.x));
        t55 = uintBitsToFloat(gs_c0[clamp(addr0.x, 0, 3)].xyzw);
        o0 = t55.xyzw;
        o1 = t54.xyzw;
        pyv_store_outputs();
        EmitVertex();
        t14.x = uintBitsToFloat((floatBitsToUint(t14.x) + 1u));
    }
    pyv_store_outputs();
    return;
}
