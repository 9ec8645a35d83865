#version 450 core
layout(vertices = 1) out;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
void main()
{
    gl_TessLevelOuter[0] = uintBitsToFloat(1077936128u);
    gl_TessLevelOuter[1] = uintBitsToFloat(1073741824u);
    gl_TessLevelOuter[2] = uintBitsToFloat(1082130432u);
    gl_TessLevelOuter[3] = uintBitsToFloat(1084227584u);
    gl_TessLevelInner[0] = uintBitsToFloat(1086324736u);
    gl_TessLevelInner[1] = uintBitsToFloat(1088421888u);
    return;
}
