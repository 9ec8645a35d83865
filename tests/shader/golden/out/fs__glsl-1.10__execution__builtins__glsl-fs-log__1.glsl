#version 330 core
in V_generic0 { vec4 d; } fs_in_generic0;
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
    t0.x = log2(fs_in_generic0.d.x);
    t1.x = (t0.x * 0.6931471824645996);
    o0 = t1.xxxx;
    pyv_store_outputs();
    return;
}
