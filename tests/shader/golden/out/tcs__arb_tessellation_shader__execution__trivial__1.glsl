#version 450 core
layout(vertices = 4) out;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
void main()
{
    gl_TessLevelInner[0] = uintBitsToFloat(1065353216u);
    gl_TessLevelInner[1] = uintBitsToFloat(1065353216u);
    gl_TessLevelOuter[0] = uintBitsToFloat(1065353216u);
    gl_TessLevelOuter[1] = uintBitsToFloat(1065353216u);
    gl_TessLevelOuter[2] = uintBitsToFloat(1065353216u);
    gl_TessLevelOuter[3] = uintBitsToFloat(1065353216u);
    return;
}
