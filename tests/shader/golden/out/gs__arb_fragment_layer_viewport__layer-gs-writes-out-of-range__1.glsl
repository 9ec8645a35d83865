#version 330 core
layout(triangles) in;
layout(triangle_strip, max_vertices = 9) out;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
vec4 o2 = vec4(0.0);
out V_generic0 { vec4 d; } gs_out_generic0;
layout(std140) uniform gs_cb0 { uvec4 gs_c0[3]; };
vec4 ta1[3];
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
ivec4 addr0 = ivec4(0);
void pyv_store_outputs()
{
    gl_Position = o0;
    gl_Layer = floatBitsToInt(o1.x);
    gs_out_generic0.d = o2;
}
void main()
{
    ta1[0] = gl_in[0].gl_Position.xyzw;
    ta1[1] = gl_in[1].gl_Position.xyzw;
    ta1[2] = gl_in[2].gl_Position.xyzw;
    t3.x = uintBitsToFloat(0u);
    while (true) {
        t5.x = intBitsToFloat((-int((floatBitsToInt(t3.x) >= 3))));
        if (floatBitsToUint(t5.x) != 0u) {
            break;
        }
        t4.x = uintBitsToFloat(0u);
        while (true) {
            t6.x = intBitsToFloat((-int((floatBitsToInt(t4.x) >= 3))));
            if (floatBitsToUint(t6.x) != 0u) {
                break;
            }
            t7.x = t4.x;
            t8.x = uintBitsToFloat((0u + floatBitsToUint(t7.x)));
            addr0.x = int(floatBitsToUint(t8.x));
            t9 = ta1[clamp(addr0.x, 0, 2)].xyzw;
            t10.x = uintBitsToFloat((floatBitsToUint(t3.x) & 268435455u));
            addr0.x = int(floatBitsToUint(t10.x));
            t11.x = uintBitsToFloat(gs_c0[clamp(addr0.x, 0, 2)].x);
            o1.x = t11.x;
            o0 = t9.xyzw;
            o2.x = t11.x;
            pyv_store_outputs();
            EmitVertex();
            t4.x = uintBitsToFloat((floatBitsToUint(t4.x) + 1u));
        }
        EndPrimitive();
        t3.x = uintBitsToFloat((floatBitsToUint(t3.x) + 1u));
    }
    pyv_store_outputs();
    return;
}
