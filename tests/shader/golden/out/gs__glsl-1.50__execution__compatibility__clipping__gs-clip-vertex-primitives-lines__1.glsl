#version 330 core
layout(lines) in;
layout(line_strip, max_vertices = 2) out;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_clipvertex0 { vec4 d; } gs_out_clipvertex0;
layout(std140) uniform gs_cb0 { uvec4 gs_c0[1]; };
vec4 ta1[2];
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
ivec4 addr0 = ivec4(0);
void pyv_store_outputs()
{
    gl_Position = o0;
    gs_out_clipvertex0.d = o1;
}
void main()
{
    ta1[0] = gl_in[0].gl_Position.xyzw;
    ta1[1] = gl_in[1].gl_Position.xyzw;
    t2.x = uintBitsToFloat(0u);
    while (true) {
        t4.x = intBitsToFloat((-int((floatBitsToInt(t2.x) >= 3))));
        if (floatBitsToUint(t4.x) != 0u) {
            break;
        }
        t5.x = t2.x;
        t6.x = uintBitsToFloat((0u + floatBitsToUint(t5.x)));
        addr0.x = int(floatBitsToUint(t6.x));
        t7 = ta1[clamp(addr0.x, 0, 1)].xyzw;
        t3.x = uintBitsToFloat(gs_c0[0].x);
        t3.yzw = uintBitsToFloat(uvec3(0u));
        t12 = t3.xyzw;
        o1 = t12.xyzw;
        o0 = t7.xyzw;
        pyv_store_outputs();
        EmitVertex();
        t2.x = uintBitsToFloat((floatBitsToUint(t2.x) + 1u));
    }
    pyv_store_outputs();
    return;
}
