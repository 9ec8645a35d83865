#version 400 core
layout(location = 0) in vec4 vs_in0;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_generic0 { vec4 d; } vs_out_generic0;
layout(std140) uniform vs_cb0 { uvec4 vs_c0[2]; };
uniform sampler2D vs_samps[8];
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
vec4 t6 = vec4(0.0);
vec4 t7 = vec4(0.0);
ivec4 addr0 = ivec4(0);
ivec4 addr1 = ivec4(0);
ivec4 addr2 = ivec4(0);
void pyv_store_outputs()
{
    gl_Position = o0;
    vs_out_generic0.d = o1;
}
void main()
{
    t0.x = uintBitsToFloat((vs_c0[1].x + 2u));
    t1.x = uintBitsToFloat((vs_c0[0].x << (2u & 31u)));
    t2.x = uintBitsToFloat((floatBitsToUint(t0.x) + floatBitsToUint(t1.x)));
    t3.x = uintBitsToFloat(min(floatBitsToUint(t2.x), 7u));
    addr2.x = int(floatBitsToUint(t3.x));
    t4 = uintBitsToFloat(uvec4(2u, 7u, 1061158912u, 1048576000u));
    o1 = texture(vs_samps[clamp(addr2.x, 0, 7)], t4.zw).xyzw;
    o0 = vs_in0.xyzw;
    pyv_store_outputs();
    return;
}
