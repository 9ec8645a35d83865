#version 330 core
in V_generic0 { vec4 d; } fs_in_generic0;
in V_generic1 { vec4 d; } fs_in_generic1;
in V_generic2 { vec4 d; } fs_in_generic2;
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[2]; };
vec4 ta1[9];
vec4 t9 = vec4(0.0);
vec4 t10 = vec4(0.0);
vec4 t11 = vec4(0.0);
vec4 t12 = vec4(0.0);
vec4 t13 = vec4(0.0);
vec4 t14 = vec4(0.0);
vec4 t15 = vec4(0.0);
ivec4 addr0 = ivec4(0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    ta1[0] = fs_in_generic0.d.xyzw;
    ta1[1] = fs_in_generic1.d.xyzw;
    ta1[2] = fs_in_generic2.d.xyzw;
    t9.x = uintBitsToFloat((0u + fs_c0[0].x));
    t10.x = uintBitsToFloat((fs_c0[1].x * 3u));
    t11.x = uintBitsToFloat((floatBitsToUint(t9.x) + floatBitsToUint(t10.x)));
    addr0.x = int(floatBitsToUint(t11.x));
    o0 = ta1[clamp(addr0.x, 0, 8)].xyzw;
    pyv_store_outputs();
    return;
}
