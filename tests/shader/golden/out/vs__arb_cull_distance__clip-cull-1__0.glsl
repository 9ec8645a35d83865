#version 450 core
layout(location = 0) in vec4 vs_in0;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
out float gl_ClipDistance[1];
out float gl_CullDistance[1];
void pyv_store_outputs()
{
    gl_Position = o0;
    gl_ClipDistance[0] = o1.x;
    gl_CullDistance[0] = o1.y;
}
void main()
{
    t4 = uintBitsToFloat(uvec4(1084227584u, 1084227584u, 0u, 0u));
    o1 = t4.xyzw;
    o0 = vs_in0.xyzw;
    pyv_store_outputs();
    return;
}
