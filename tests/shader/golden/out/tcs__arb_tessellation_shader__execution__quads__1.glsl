#version 450 core
layout(vertices = 9) out;
out V_generic0 { vec4 d; } tc_out_generic0[];
out V_generic1 { vec4 d; } tc_out_generic1[];
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
vec4 t12 = vec4(0.0);
vec4 t13 = vec4(0.0);
vec4 t14 = vec4(0.0);
vec4 t15 = vec4(0.0);
ivec4 addr0 = ivec4(0);
ivec4 addr1 = ivec4(0);
uint pyv_umod(uint a, uint b) { return b == 0u ? 0xffffffffu : a % b; }
int pyv_idiv(int a, int b) { return b == 0 ? -1 : (b == -1 ? -a : a / b); }
void main()
{
    gl_TessLevelInner[0] = uintBitsToFloat(1101529088u);
    gl_TessLevelInner[1] = uintBitsToFloat(1101529088u);
    gl_TessLevelOuter[0] = uintBitsToFloat(1101529088u);
    gl_TessLevelOuter[1] = uintBitsToFloat(1101529088u);
    gl_TessLevelOuter[2] = uintBitsToFloat(1101529088u);
    gl_TessLevelOuter[3] = uintBitsToFloat(1101529088u);
    t1.x = uintBitsToFloat(pyv_umod(uint(ivec4(gl_InvocationID, 0, 0, 0).x), 3u));
    t2.x = float(floatBitsToInt(t1.x));
    t3.x = (t2.x / 2.0);
    t4.x = intBitsToFloat(pyv_idiv(ivec4(gl_InvocationID, 0, 0, 0).x, 3));
    t5.x = float(floatBitsToInt(t4.x));
    t6.x = (t5.x / 2.0);
    t7 = mix(gl_in[0].gl_Position.xyzw, gl_in[1].gl_Position.xyzw, t3.xxxx);
    t8 = mix(gl_in[2].gl_Position.xyzw, gl_in[3].gl_Position.xyzw, t3.xxxx);
    t9 = mix(t7.xyzw, t8.xyzw, t6.xxxx);
    addr1.x = int(uint(ivec4(gl_InvocationID, 0, 0, 0).x));
    vec4 ov_1 = t9.xyzw;
    tc_out_generic1[gl_InvocationID].d.x = ov_1.x;
    tc_out_generic1[gl_InvocationID].d.y = ov_1.y;
    tc_out_generic1[gl_InvocationID].d.z = ov_1.z;
    tc_out_generic1[gl_InvocationID].d.w = ov_1.w;
    t0.x = t3.x;
    t0.y = t6.x;
    t0.zw = uintBitsToFloat(uvec2(0u, 1065353216u));
    t10.x = intBitsToFloat((-int((uint(ivec4(gl_PatchVerticesIn, 0, 0, 0).x) == 4u))));
    t11 = uintBitsToFloat(mix(uvec4(0u), floatBitsToUint(t0.xyzw), notEqual(floatBitsToUint(t10.xxxx), uvec4(0u))));
    addr1.x = int(uint(ivec4(gl_InvocationID, 0, 0, 0).x));
    vec4 ov_2 = t11.xyzw;
    tc_out_generic0[gl_InvocationID].d.x = ov_2.x;
    tc_out_generic0[gl_InvocationID].d.y = ov_2.y;
    tc_out_generic0[gl_InvocationID].d.z = ov_2.z;
    tc_out_generic0[gl_InvocationID].d.w = ov_2.w;
    return;
}
