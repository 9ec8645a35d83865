#version 330 core
layout(triangles_adjacency) in;
layout(triangle_strip, max_vertices = 3) out;
in V_generic0 { vec4 d; } gs_in_generic0[];
vec4 o0 = vec4(0.0);
vec4 ta1[6];
vec4 t6 = vec4(0.0);
vec4 t7 = vec4(0.0);
vec4 t8 = vec4(0.0);
vec4 t9 = vec4(0.0);
vec4 t10 = vec4(0.0);
vec4 t11 = vec4(0.0);
vec4 t12 = vec4(0.0);
vec4 t13 = vec4(0.0);
vec4 t14 = vec4(0.0);
ivec4 addr0 = ivec4(0);
void pyv_store_outputs()
{
    gl_Position = o0;
}
void main()
{
    ta1[0] = gs_in_generic0[0].d.xyzw;
    ta1[1] = gs_in_generic0[1].d.xyzw;
    ta1[2] = gs_in_generic0[2].d.xyzw;
    ta1[3] = gs_in_generic0[3].d.xyzw;
    ta1[4] = gs_in_generic0[4].d.xyzw;
    ta1[5] = gs_in_generic0[5].d.xyzw;
    t6.x = uintBitsToFloat(0u);
    while (true) {
        t7.x = intBitsToFloat((-int((floatBitsToInt(t6.x) >= 3))));
        if (floatBitsToUint(t7.x) != 0u) {
            break;
        }
        t8.x = uintBitsToFloat((floatBitsToUint(t6.x) << (1u & 31u)));
        t9.x = uintBitsToFloat((0u + floatBitsToUint(t8.x)));
        addr0.x = int(floatBitsToUint(t9.x));
        t10 = ta1[clamp(addr0.x, 0, 5)].xyzw;
        o0 = t10.xyzw;
        pyv_store_outputs();
        EmitVertex();
        t6.x = uintBitsToFloat((floatBitsToUint(t6.x) + 1u));
    }
    pyv_store_outputs();
    return;
}
