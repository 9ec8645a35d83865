#version 400 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
uniform sampler2D fs_samp0;
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
    t0 = uintBitsToFloat(uvec4(1056964608u, 0u, 0u, 0u));
    o0 = textureGather(fs_samp0, t0.xx, 0).xyzw;
    pyv_store_outputs();
    return;
}
