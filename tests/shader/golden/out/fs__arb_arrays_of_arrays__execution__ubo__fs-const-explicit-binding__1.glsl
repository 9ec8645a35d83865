#version 330 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb1 { uvec4 fs_c1[2]; };
layout(std140) uniform fs_cb2 { uvec4 fs_c2[2]; };
layout(std140) uniform fs_cb3 { uvec4 fs_c3[2]; };
layout(std140) uniform fs_cb4 { uvec4 fs_c4[2]; };
layout(std140) uniform fs_cb5 { uvec4 fs_c5[2]; };
layout(std140) uniform fs_cb6 { uvec4 fs_c6[2]; };
layout(std140) uniform fs_cb7 { uvec4 fs_c7[2]; };
layout(std140) uniform fs_cb8 { uvec4 fs_c8[2]; };
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    o0 = (uintBitsToFloat(fs_c7[1].xyzw) + uintBitsToFloat(fs_c4[0].xyzw));
    pyv_store_outputs();
    return;
}
