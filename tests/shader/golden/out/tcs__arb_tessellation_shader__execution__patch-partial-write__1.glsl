#version 450 core
layout(vertices = 2) out;
patch out V_patch0 { vec4 d; } tc_out_patch0;
layout(std140) uniform tc_cb0 { uvec4 tc_c0[1]; };
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
void main()
{
    gl_TessLevelInner[0] = uintBitsToFloat(1065353216u);
    gl_TessLevelInner[1] = uintBitsToFloat(1065353216u);
    gl_TessLevelOuter[0] = uintBitsToFloat(1065353216u);
    gl_TessLevelOuter[1] = uintBitsToFloat(1065353216u);
    gl_TessLevelOuter[2] = uintBitsToFloat(1065353216u);
    gl_TessLevelOuter[3] = uintBitsToFloat(1065353216u);
    vec4 ov_1 = uintBitsToFloat(uvec4(1065353216u));
    tc_out_patch0.d.x = ov_1.x;
    tc_out_patch0.d.y = ov_1.y;
    tc_out_patch0.d.z = ov_1.z;
    tc_out_patch0.d.w = ov_1.w;
    t0.x = intBitsToFloat((-int((tc_c0[0].x == 0u))));
    if (floatBitsToUint(t0.x) != 0u) {
        vec2 ov_2 = uintBitsToFloat(uvec2(0u));
        tc_out_patch0.d.x = ov_2.x;
        tc_out_patch0.d.z = ov_2.y;
    }
    return;
}
