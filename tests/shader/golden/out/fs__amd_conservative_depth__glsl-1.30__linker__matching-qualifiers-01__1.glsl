#version 330 core
vec4 o0 = vec4(0.0);
layout(std140) uniform fs_cb0 { uvec4 fs_c0[1]; };
uniform float fs_drv_fb_height;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
void pyv_store_outputs()
{
    gl_FragDepth = o0.z;
}
void main()
{
    t0.x = min(vec4(gl_FragCoord.x, fs_drv_fb_height - gl_FragCoord.y, gl_FragCoord.zw).z, 0.5);
    o0.z = t0.x;
    pyv_store_outputs();
    return;
}
