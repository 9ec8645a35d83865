#version 450 core
layout(pixel_center_integer) in vec4 gl_FragCoord;
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[2]; };
uniform float fs_drv_fb_height;
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
    t1.x = intBitsToFloat((-int((uintBitsToFloat(fs_c0[1].x) < 0.0))));
    t2.xy = uintBitsToFloat(mix(uvec2(0u, 1065353216u), uvec2(0u), notEqual(floatBitsToUint(t1.xx), uvec2(0u))));
    t3.xy = (vec4(gl_FragCoord.x, fs_drv_fb_height - gl_FragCoord.y - 1.0, gl_FragCoord.zw).xy + t2.xy);
    t0.y = (t3.y * uintBitsToFloat(fs_c0[1].z) + uintBitsToFloat(fs_c0[1].w));
    t0.x = t3.x;
    o0.xy = fract(t0.xy);
    o0.zw = uintBitsToFloat(uvec2(0u));
    pyv_store_outputs();
    return;
}
