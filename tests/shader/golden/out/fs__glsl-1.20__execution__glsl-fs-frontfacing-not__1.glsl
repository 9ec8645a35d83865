#version 450 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
vec4 t6 = vec4(0.0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0 = vec4(greaterThanEqual(vec4(gl_FrontFacing ? 1.0 : -1.0, 0.0, 0.0, 1.0).xyzw, vec4(0.0)));
    t1.x = t0.x;
    t2.x = t1.x;
    t3 = uintBitsToFloat(mix(uvec4(0u, 0u, 1065353216u, 0u), uvec4(0u, 1065353216u, 0u, 0u), notEqual(floatBitsToUint(t2.xxxx), uvec4(0u))));
    o0 = t3.xyzw;
    pyv_store_outputs();
    return;
}
