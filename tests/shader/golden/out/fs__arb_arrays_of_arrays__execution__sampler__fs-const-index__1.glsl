#version 330 core
in V_generic0 { vec4 d; } fs_in_generic0;
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
uniform sampler2D fs_samp3;
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
    o0 = texture(fs_samp3, fs_in_generic0.d.xy).xyzw;
    pyv_store_outputs();
    return;
}
