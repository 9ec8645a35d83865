#version 450 core
layout(vertices = 6) out;
out V_generic0 { vec4 d; } tc_out_generic0[];
patch out V_patch0 { vec4 d; } tc_out_patch0;
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
ivec4 addr0 = ivec4(0);
ivec4 addr1 = ivec4(0);
uint pyv_umod(uint a, uint b) { return b == 0u ? 0xffffffffu : a % b; }
void main()
{
    addr1.x = int(uint(ivec4(gl_InvocationID, 0, 0, 0).x));
    t1 = gl_in[clamp(addr1.x, 0, 31)].gl_Position.xyzw;
    addr1.x = int(uint(ivec4(gl_InvocationID, 0, 0, 0).x));
    vec4 ov_1 = t1.xyzw;
    gl_out[gl_InvocationID].gl_Position.x = ov_1.x;
    gl_out[gl_InvocationID].gl_Position.y = ov_1.y;
    gl_out[gl_InvocationID].gl_Position.z = ov_1.z;
    gl_out[gl_InvocationID].gl_Position.w = ov_1.w;
    t2.x = intBitsToFloat((-int((ivec4(gl_InvocationID, 0, 0, 0).x < 6))));
    if (floatBitsToUint(t2.x) != 0u) {
        addr1.x = int(uint(ivec4(gl_InvocationID, 0, 0, 0).x));
        tc_out_generic0[gl_InvocationID].d.x = intBitsToFloat(ivec4(gl_InvocationID, 0, 0, 0).x);
    }
    vec4 ov_2 = uintBitsToFloat(uvec4(0u, 1065353216u, 0u, 1065353216u));
    tc_out_patch0.d.x = ov_2.x;
    tc_out_patch0.d.y = ov_2.y;
    tc_out_patch0.d.z = ov_2.z;
    tc_out_patch0.d.w = ov_2.w;
    barrier();
    barrier();
    t0.x = uintBitsToFloat(0u);
    while (true) {
        t3.x = intBitsToFloat((-int((floatBitsToInt(t0.x) >= 6))));
        if (floatBitsToUint(t3.x) != 0u) {
            break;
        }
        t4.x = uintBitsToFloat((floatBitsToUint(t0.x) + uint(ivec4(gl_InvocationID, 0, 0, 0).x)));
        t5.x = uintBitsToFloat(pyv_umod(floatBitsToUint(t4.x), 6u));
        addr1.x = int(floatBitsToUint(t5.x));
        t6.x = vec4(tc_out_generic0[clamp(addr1.x, 0, 31)].d.x, tc_out_generic0[clamp(addr1.x, 0, 31)].d.y, tc_out_generic0[clamp(addr1.x, 0, 31)].d.z, tc_out_generic0[clamp(addr1.x, 0, 31)].d.w).x;
        t7.x = intBitsToFloat((-int((floatBitsToUint(t6.x) != floatBitsToUint(t5.x)))));
        if (floatBitsToUint(t7.x) != 0u) {
            vec4 ov_3 = uintBitsToFloat(uvec4(1065353216u, 0u, 0u, 1065353216u));
            tc_out_patch0.d.x = ov_3.x;
            tc_out_patch0.d.y = ov_3.y;
            tc_out_patch0.d.z = ov_3.z;
            tc_out_patch0.d.w = ov_3.w;
        }
        t0.x = uintBitsToFloat((floatBitsToUint(t0.x) + 1u));
    }
    gl_TessLevelOuter[0] = uintBitsToFloat(1065353216u);
    gl_TessLevelOuter[1] = uintBitsToFloat(1065353216u);
    gl_TessLevelOuter[2] = uintBitsToFloat(1065353216u);
    gl_TessLevelOuter[3] = uintBitsToFloat(0u);
    gl_TessLevelInner[0] = uintBitsToFloat(0u);
    gl_TessLevelInner[1] = uintBitsToFloat(0u);
    return;
}
