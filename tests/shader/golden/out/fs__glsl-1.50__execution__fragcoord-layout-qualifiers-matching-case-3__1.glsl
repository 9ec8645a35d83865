#version 330 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[1]; };
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
    o0.y = (gl_FragCoord.y * uintBitsToFloat(fs_c0[0].z) + uintBitsToFloat(fs_c0[0].w));
    o0.xw = gl_FragCoord.xz;
    o0.z = uintBitsToFloat(1065353216u);
    pyv_store_outputs();
    return;
}
