#version 330 core
in V_texcoord0 { vec4 d; } fs_in_texcoord0;
in V_texcoord1 { vec4 d; } fs_in_texcoord1;
in V_texcoord2 { vec4 d; } fs_in_texcoord2;
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0 = clamp(mix(fs_in_texcoord2.d.xyzw, fs_in_texcoord1.d.xyzw, fs_in_texcoord0.d.xyzw), 0.0, 1.0);
    t1 = t0.xyzw;
    o0 = (vec4(0.5) * t1.xyzw);
    pyv_store_outputs();
    return;
}
