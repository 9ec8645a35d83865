#version 450 core
layout(vertices = 3) out;
in V_generic0 { vec4 d; } tc_in_generic0[];
patch out V_patch0 { vec4 d; } tc_out_patch0;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
vec4 t6 = vec4(0.0);
ivec4 addr0 = ivec4(0);
ivec4 addr1 = ivec4(0);
void main()
{
    addr1.x = int(uint(ivec4(gl_InvocationID, 0, 0, 0).x));
    t0 = gl_in[clamp(addr1.x, 0, 31)].gl_Position.xyzw;
    addr1.x = int(uint(ivec4(gl_InvocationID, 0, 0, 0).x));
    vec4 ov_1 = t0.xyzw;
    gl_out[gl_InvocationID].gl_Position.x = ov_1.x;
    gl_out[gl_InvocationID].gl_Position.y = ov_1.y;
    gl_out[gl_InvocationID].gl_Position.z = ov_1.z;
    gl_out[gl_InvocationID].gl_Position.w = ov_1.w;
    gl_TessLevelOuter[0] = uintBitsToFloat(1065353216u);
    gl_TessLevelOuter[1] = uintBitsToFloat(1065353216u);
    gl_TessLevelOuter[2] = uintBitsToFloat(1065353216u);
    gl_TessLevelOuter[3] = uintBitsToFloat(0u);
    gl_TessLevelInner[0] = uintBitsToFloat(0u);
    gl_TessLevelInner[1] = uintBitsToFloat(0u);
    addr1.x = int(uint(ivec4(gl_InvocationID, 0, 0, 0).x));
    t1.xyz = tc_in_generic0[clamp(addr1.x, 0, 31)].d.yzw;
    vec3 ov_2 = t1.xyz;
    tc_out_patch0.d.y = ov_2.x;
    tc_out_patch0.d.z = ov_2.y;
    tc_out_patch0.d.w = ov_2.z;
    addr1.x = int(uint(ivec4(gl_InvocationID, 0, 0, 0).x));
    t2.x = tc_in_generic0[clamp(addr1.x, 0, 31)].d.x;
    tc_out_patch0.d.x = t2.x;
    return;
}
