#version 330 core
layout(triangles) in;
layout(triangle_strip, max_vertices = 3) out;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
layout(std140) uniform gs_cb0 { uvec4 gs_c0[1]; };
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
ivec4 addr0 = ivec4(0);
void pyv_store_outputs()
{
    gl_Position = o0;
    gl_Layer = floatBitsToInt(o1.x);
}
void main()
{
    ta1[0] = gl_in[0].gl_Position.xyzw;
    ta1[1] = gl_in[1].gl_Position.xyzw;
    ta1[2] = gl_in[2].gl_Position.xyzw;
    t3.x = uintBitsToFloat(0u);
    while (true) {
        t4.x = intBitsToFloat((-int((floatBitsToInt(t3.x) >= 3))));
        if (floatBitsToUint(t4.x) != 0u) {
            break;
        }
        t5.x = t3.x;
        t6.x = uintBitsToFloat((0u + floatBitsToUint(t5.x)));
        addr0.x = int(floatBitsToUint(t6.x));
        t7 = ta1[clamp(addr0.x, 0, 2)].xyzw;
        o1.x = uintBitsToFloat(gs_c0[0].x);
        o0 = t7.xyzw;
        pyv_store_outputs();
        EmitVertex();
        t3.x = uintBitsToFloat((floatBitsToUint(t3.x) + 1u));
    }
    pyv_store_outputs();
    return;
}
