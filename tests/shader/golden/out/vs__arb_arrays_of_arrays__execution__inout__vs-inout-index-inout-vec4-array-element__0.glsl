#version 330 core
layout(location = 0) in vec4 vs_in0;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_generic0 { vec4 d; } vs_out_generic0;
layout(std140) uniform vs_cb0 { uvec4 vs_c0[1]; };
vec4 ta1[4];
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
vec4 t6 = vec4(0.0);
vec4 t7 = vec4(0.0);
vec4 t8 = vec4(0.0);
vec4 t9 = vec4(0.0);
vec4 t10 = vec4(0.0);
ivec4 addr0 = ivec4(0);
void pyv_store_outputs()
{
    gl_Position = o0;
    vs_out_generic0.d = o1;
}
void main()
{
    ta1[2] = uintBitsToFloat(uvec4(0u));
    ta1[3] = uintBitsToFloat(uvec4(0u));
    t4.x = uintBitsToFloat((0u + vs_c0[0].x));
    t5.x = uintBitsToFloat((1u << (1u & 31u)));
    t6.x = uintBitsToFloat((floatBitsToUint(t4.x) + floatBitsToUint(t5.x)));
    addr0.x = int(floatBitsToUint(t6.x));
    ta1[clamp(addr0.x, 0, 3)].y = uintBitsToFloat(1065353216u);
    o1 = ta1[3].xyzw;
    o0 = vs_in0.xyzw;
    pyv_store_outputs();
    return;
}
