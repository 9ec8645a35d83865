#version 330 core
layout(triangles) in;
layout(triangle_strip, max_vertices = 3) out;
in V_generic0 { vec4 d; } gs_in_generic0[];
in V_generic1 { vec4 d; } gs_in_generic1[];
in V_generic2 { vec4 d; } gs_in_generic2[];
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_generic0 { vec4 d; } gs_out_generic0;
vec4 o2 = vec4(0.0);
out V_generic1 { vec4 d; } gs_out_generic1;
vec4 ta1[3];
vec4 ta2[3];
vec4 ta3[3];
vec4 ta4[3];
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
void pyv_store_outputs()
{
    gl_Position = o0;
    gs_out_generic0.d = o1;
    gs_out_generic1.d = o2;
}
void main()
{
    ta1[0] = gs_in_generic0[0].d.xyzw;
    ta2[0].xy = gs_in_generic1[0].d.xy;
    ta1[1] = gs_in_generic0[1].d.xyzw;
    ta2[1].xy = gs_in_generic1[1].d.xy;
    ta1[2] = gs_in_generic0[2].d.xyzw;
    ta2[2].xy = gs_in_generic1[2].d.xy;
    ta3[0].xy = gs_in_generic1[0].d.zw;
    ta3[1].xy = gs_in_generic1[1].d.zw;
    ta3[2].xy = gs_in_generic1[2].d.zw;
    ta4[0] = gs_in_generic2[0].d.xyzw;
    ta4[1] = gs_in_generic2[1].d.xyzw;
    ta4[2] = gs_in_generic2[2].d.xyzw;
    t12.x = uintBitsToFloat(0u);
    while (true) {
        t13.x = intBitsToFloat((-int((floatBitsToInt(t12.x) >= 3))));
        if (floatBitsToUint(t13.x) != 0u) {
            break;
        }
        t14.x = t12.x;
        t15.x = uintBitsToFloat((0u + floatBitsToUint(t14.x)));
        addr0.x = int(floatBitsToUint(t15.x));
        t16 = ta4[clamp(addr0.x + 9 - 9, 0, 2)].xyzw;
        t17.x = t12.x;
        t18.x = uintBitsToFloat((0u + floatBitsToUint(t17.x)));
        addr0.x = int(floatBitsToUint(t18.x));
        t19 = ta1[clamp(addr0.x, 0, 2)].xyzw;
        t20.x = t12.x;
        t21.x = uintBitsToFloat((0u + floatBitsToUint(t20.x)));
        addr0.x = int(floatBitsToUint(t21.x));
        t22.xy = ta2[clamp(addr0.x + 3 - 3, 0, 2)].xy;
        t23.x = t12.x;
        t24.x = uintBitsToFloat((0u + floatBitsToUint(t23.x)));
        addr0.x = int(floatBitsToUint(t24.x));
        t25.xy = ta3[clamp(addr0.x + 6 - 6, 0, 2)].xy;
        o0 = t16.xyzw;
        o1 = t19.xyzw;
        o2.xy = t22.xy;
        o2.zw = t25.xy;
        pyv_store_outputs();
        EmitVertex();
        t12.x = uintBitsToFloat((floatBitsToUint(t12.x) + 1u));
    }
    pyv_store_outputs();
    return;
}
