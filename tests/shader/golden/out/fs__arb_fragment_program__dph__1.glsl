#version 330 core
in V_texcoord0 { vec4 d; } fs_in_texcoord0;
in V_texcoord1 { vec4 d; } fs_in_texcoord1;
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0.xyz = (fs_in_texcoord0.d.xyz * vec3((-1.0)));
    t0.w = uintBitsToFloat(1065353216u);
    o0.xyz = vec3(dot(t0.xyzw, fs_in_texcoord1.d.xyzw));
    o0.w = uintBitsToFloat(1065353216u);
    pyv_store_outputs();
    return;
}
