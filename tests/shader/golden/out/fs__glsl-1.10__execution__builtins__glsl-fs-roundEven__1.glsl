#version 330 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[1]; };
uniform float fs_drv_fb_height;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
vec4 t6 = vec4(0.0);
vec4 t7 = vec4(0.0);
vec4 t8 = vec4(0.0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0.x = (vec4(gl_FragCoord.x, fs_drv_fb_height - gl_FragCoord.y, gl_FragCoord.zw).x / 10.0);
    t1.x = (t0.x * (-1.0));
    t2.x = roundEven(t0.x);
    o0.x = (t2.x / 25.0);
    t3.x = roundEven(t1.x);
    t4.x = (t3.x * (-1.0));
    o0.y = (t4.x / 25.0);
    o0.zw = uintBitsToFloat(uvec2(0u, 1065353216u));
    pyv_store_outputs();
    return;
}
