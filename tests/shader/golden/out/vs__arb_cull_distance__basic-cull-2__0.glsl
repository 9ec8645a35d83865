#version 450 core
layout(location = 0) in vec4 vs_in0;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
out float gl_CullDistance[2];
void pyv_store_outputs()
{
    gl_Position = o0;
    gl_CullDistance[0] = o1.x;
    gl_CullDistance[1] = o1.y;
}
void main()
{
    t0.x = uintBitsToFloat((uint(ivec4(gl_VertexID, 0, 0, 0).x) + 4294967293u));
    t5.x = float(floatBitsToInt(t0.x));
    o1 = t5.xyzw;
    t5.y = uintBitsToFloat(1084227584u);
    o1 = t5.xyzw;
    t5.zw = uintBitsToFloat(uvec2(0u));
    o1 = t5.xyzw;
    o0 = vs_in0.xyzw;
    pyv_store_outputs();
    return;
}
