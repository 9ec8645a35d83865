#version 420 core
layout(location = 0) in vec4 vs_in0;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_generic0 { vec4 d; } vs_out_generic0;
layout(rg32f) readonly uniform imageBuffer vs_img0;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
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
uint pyv_umod(uint a, uint b) { return b == 0u ? 0xffffffffu : a % b; }
void pyv_store_outputs()
{
    gl_Position = o0;
    vs_out_generic0.d = o1;
}
void main()
{
    t1.xy = (vs_in0.xy + vec2(1.0));
    t2.xy = (t1.xy * vec2(16.0, 96.0));
    t3.xy = (t2.xy / vec2(2.0));
    t4.xy = intBitsToFloat(ivec2(t3.xy));
    t5.x = uintBitsToFloat((floatBitsToUint(t4.y) << (4u & 31u)));
    t6.x = uintBitsToFloat((floatBitsToUint(t4.x) + floatBitsToUint(t5.x)));
    t0.x = uintBitsToFloat(pyv_umod(floatBitsToUint(t6.x), 1536u));
    o1 = imageLoad(vs_img0, floatBitsToInt(t0.x)).xyzw;
    o0 = vs_in0.xyzw;
    pyv_store_outputs();
    return;
}
