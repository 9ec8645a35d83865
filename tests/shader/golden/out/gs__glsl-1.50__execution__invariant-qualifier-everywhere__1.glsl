#version 400 core
layout(triangles) in;
layout(triangle_strip, max_vertices = 3) out;
in V_generic0 { vec4 d; } gs_in_generic0[];
in V_generic1 { vec4 d; } gs_in_generic1[];
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_generic0 { invariant vec4 d; } gs_out_generic0;
vec4 ta1[3];
vec4 ta2[3];
precise vec4 t6 = vec4(0.0);
precise vec4 t7 = vec4(0.0);
vec4 t8 = vec4(0.0);
vec4 t9 = vec4(0.0);
vec4 t10 = vec4(0.0);
vec4 t11 = vec4(0.0);
vec4 t12 = vec4(0.0);
vec4 t13 = vec4(0.0);
vec4 t14 = vec4(0.0);
precise vec4 t15 = vec4(0.0);
vec4 t16 = vec4(0.0);
vec4 t17 = vec4(0.0);
vec4 t18 = vec4(0.0);
vec4 t19 = vec4(0.0);
ivec4 addr0 = ivec4(0);
void pyv_store_outputs()
{
    gl_Position = o0;
    gs_out_generic0.d = o1;
}
void main()
{
    ta1[0] = gs_in_generic0[0].d.xyzw;
    ta1[1] = gs_in_generic0[1].d.xyzw;
    ta1[2] = gs_in_generic0[2].d.xyzw;
    ta2[0] = gs_in_generic1[0].d.xyzw;
    ta2[1] = gs_in_generic1[1].d.xyzw;
    ta2[2] = gs_in_generic1[2].d.xyzw;
    t6.x = uintBitsToFloat(0u);
    while (true) {
        t7.x = intBitsToFloat((-int((floatBitsToInt(t6.x) >= 3))));
        if (floatBitsToUint(t7.x) != 0u) {
            break;
        }
        t8.x = t6.x;
        t9.x = uintBitsToFloat((0u + floatBitsToUint(t8.x)));
        addr0.x = int(floatBitsToUint(t9.x));
        t10 = ta1[clamp(addr0.x, 0, 2)].xyzw;
        t11 = (t10.xyzw * vec4(0.5));
        t12.x = t6.x;
        t13.x = uintBitsToFloat((0u + floatBitsToUint(t12.x)));
        addr0.x = int(floatBitsToUint(t13.x));
        t14 = ta2[clamp(addr0.x + 3 - 3, 0, 2)].xyzw;
        t15 = (t14.xyzw * vec4(0.5));
        o0 = t11.xyzw;
        o1 = t15.xyzw;
        pyv_store_outputs();
        EmitVertex();
        t6.x = uintBitsToFloat((floatBitsToUint(t6.x) + 1u));
    }
    pyv_store_outputs();
    return;
}
