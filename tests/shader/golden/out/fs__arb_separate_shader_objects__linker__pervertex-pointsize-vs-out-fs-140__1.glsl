#version 330 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
vec4 t6 = vec4(0.0);
vec4 t7 = vec4(0.0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0.xy = (vec4(gl_PointCoord.x, 1.0 - gl_PointCoord.y, 0.0, 1.0).xy + vec2((-0.5)));
    t1.x = dot(t0.xy, t0.xy);
    t2.x = inversesqrt(t1.x);
    t3.x = (1.0 / t2.x);
    o0 = t3.xxxx;
    pyv_store_outputs();
    return;
}
