#version 430 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[1]; };
uniform usamplerCube fs_samp0;
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
vec4 t9 = vec4(0.0);
vec4 t10 = vec4(0.0);
vec4 t11 = vec4(0.0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0.y = (vec4(gl_FragCoord.x, fs_drv_fb_height - gl_FragCoord.y, gl_FragCoord.zw).y * uintBitsToFloat(fs_c0[0].z) + uintBitsToFloat(fs_c0[0].w));
    t8 = uintBitsToFloat(uvec4(0u, 3204448256u, 1073741824u, 3221225472u));
    t2.xy = intBitsToFloat(ivec4(textureSize(fs_samp0, floatBitsToInt(t8.x)), 0, textureQueryLevels(fs_samp0)).xy);
    t3.xy = vec2(floatBitsToInt(t2.xy));
    t0.x = vec4(gl_FragCoord.x, fs_drv_fb_height - gl_FragCoord.y, gl_FragCoord.zw).x;
    t4.xy = (t0.xy / t3.xy);
    t5.xy = (t4.xy + vec2((-0.5)));
    t1.xy = (vec2(2.0, (-2.0)) * t5.xy);
    t1.z = uintBitsToFloat(1065353216u);
    t6 = uintBitsToFloat(textureGather(fs_samp0, t1.xyz, 0).xyzw);
    t7 = vec4(floatBitsToUint(t6.xyzw));
    o0 = (vec4(0.003921568859368563) * t7.xyzw);
    pyv_store_outputs();
    return;
}
