#version 330 core
layout(location = 0) in vec4 vs_in0;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_color0 { vec4 d; } vs_out_color0;
layout(std140) uniform vs_cb0 { uvec4 vs_c0[1]; };
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
vec4 t6 = vec4(0.0);
vec4 t7 = vec4(0.0);
void pyv_store_outputs()
{
    gl_Position = o0;
    vs_out_color0.d = o1;
}
void main()
{
    t1.x = uintBitsToFloat((2u + vs_c0[0].x));
    t0.x = float(int(vs_c0[0].x));
    t0.y = float(floatBitsToInt(t1.x));
    t2 = clamp((t0.xxyy / vec4(4.0)), 0.0, 1.0);
    t7 = t2.xyzw;
    o1 = t7.xyzw;
    o0 = vs_in0.xyzw;
    pyv_store_outputs();
    return;
}
